import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the import benchmark page (bench/page/index.html) into dist-bench/. It runs the app's
// own ingest worker and storage code (imported by relative path) in real Chromium; it is never
// part of the app's dist/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
