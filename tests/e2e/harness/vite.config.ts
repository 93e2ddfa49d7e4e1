import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the test harness page (tests/e2e/harness/index.html) into dist-test/. It is served
// beside the app on the same origin, so it shares the app's IndexedDB, and it runs the app's
// own storage and worker code for test set-up. It is never part of the app's dist/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../../dist-test', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
