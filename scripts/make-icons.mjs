// Renders public/icons/favicon.svg into the PNG app icons (run by hand when the logo changes):
// node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const svg = readFileSync(new URL('../public/icons/favicon.svg', import.meta.url), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const [file, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-512-maskable.png', 512, true],
]) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon is full-bleed; its logo stays inside the central 80% safe zone.
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(
    `<body style="margin:0;background:${maskable ? '#1f4e79' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px"><img src="${dataUrl}" width="${inner}" height="${inner}"></body>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: !maskable });
}
await browser.close();
