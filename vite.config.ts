import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP_META, SECURITY_HEADERS, headersFile, headersFor } from './scripts/csp.mjs';

/** Files the service worker precaches: everything the app needs to start offline. */
export const PRECACHE_GLOBS = ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm,json,woff2}'];

/**
 * The Content-Security-Policy of `scripts/csp.mjs`: into `index.html` as a meta tag, and into
 * `dist/_headers` as the header a static host sends with every response (workers included).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cx-trace-csp',
    transformIndexHtml: (html) => html.replace('%CX_TRACE_CSP%', CSP_META),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
    // `npm start` sends the transform worker its own policy, as `_headers` asks of a host.
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        for (const [k, v] of Object.entries(headersFor(path))) res.setHeader(k, v);
        next();
      });
    },
  };
}

export default defineConfig({
  // Relative base: dist/ works from any static host at any sub-path.
  base: './',
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt',
      // Registered from our bundle (src/state/pwa.svelte.ts), never by an inline script.
      injectRegister: false,
      // The glob below already takes every icon.
      includeManifestIcons: false,
      manifest: {
        name: 'CX Trace — customer experience analytics',
        short_name: 'CX Trace',
        description:
          'Local-first notebook for NPS/CSAT, complaints, key drivers and the service-model trace. Data stays in your browser.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-512-maskable.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: PRECACHE_GLOBS,
        // Above Workbox's 2 MiB default so analysis bundles fit; a file over it fails the build
        // (vite-plugin-pwa throws) and scripts/check-precache.mjs checks nothing was left out.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: null,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
  // `npm start` serves the build as a host should: with the policy as a header.
  preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
});
