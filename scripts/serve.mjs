// Serves the built app (dist/) for `npm start`, as `vite preview` with the security headers of
// vite.config.ts, on 4173 or, when that is taken, the next free port; prints the URL it uses.
import { preview } from 'vite';
import { basePort, findFreePort } from './free-port.mjs';

try {
  const wanted = basePort(process.argv.slice(2), process.env);
  const port = await findFreePort(wanted);
  // Strict: the port was just found free; taking another silently would print a wrong URL.
  const server = await preview({ preview: { port, strictPort: true } });
  const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
  if (port !== wanted) console.log(`Port ${wanted} is in use; using ${port} instead.`);
  console.log(`CX Trace is served at ${url}  (Ctrl+C to stop)`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
