import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app's URL on the shared local static server. */
    appUrl: string;
    /** The test harness page's URL, same origin as the app. */
    harnessUrl: string;
    /** Where to connect to the shared Chromium. */
    wsEndpoint: string;
  }
}

/** Builds the harness, serves the built app (dist/) and starts one shared Chromium. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error(
      'dist/ is missing: run `npm run build` before the end-to-end tests (npm test does).',
    );
  }
  await build({ configFile: `${root}tests/e2e/harness/vite.config.ts` });
  const server = await startStaticServer(`${root}dist`, `${root}dist-test`);
  const browser = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  project.provide('appUrl', server.appUrl);
  project.provide('harnessUrl', `${server.origin}/__test__/index.html`);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
