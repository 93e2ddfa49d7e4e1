import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/**
 * A local static host for the built app: like any plain static web host (no CSP header), or,
 * given `headers`, like one that sends them with every response (as `dist/_headers` asks).
 */
export interface StaticServer {
  /** e.g. `http://127.0.0.1:PORT` */
  origin: string;
  /** The app's URL: `origin` + the sub-path it is mounted at. */
  appUrl: string;
  /** Replaces a file's body (path relative to the app root), e.g. to publish a new sw.js. */
  override(path: string, body: string | null): void;
  close(): Promise<void>;
}

/**
 * Serves `appDir` at `/cx/trace/` (a sub-path, to prove the relative base works) and, when
 * given, the test harness at `/__test__/`, both on 127.0.0.1 at a free port.
 */
export async function startStaticServer(
  appDir: string,
  harnessDir?: string,
  headers: Record<string, string> | ((path: string) => Record<string, string>) = {},
): Promise<StaticServer> {
  const prefix = '/cx/trace/';
  const app = sirv(appDir, { dev: true, etag: true });
  const harness = harnessDir ? sirv(harnessDir, { dev: true }) : null;
  const overrides = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // A function gives each path (from the app's or the harness's root) its own headers, as a
    // host following `_headers` does.
    const own =
      typeof headers === 'function'
        ? headers(url.pathname.replace(/^\/(cx\/trace|__test__)(?=\/)/, ''))
        : headers;
    for (const [name, value] of Object.entries(own)) res.setHeader(name, value);
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (url.pathname.startsWith(prefix)) {
      const rest = url.pathname.slice(prefix.length);
      const body = overrides.get(rest);
      if (body !== undefined) {
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
        return;
      }
      req.url = '/' + rest + url.search;
      app(req, res, notFound);
    } else if (harness && url.pathname.startsWith('/__test__/')) {
      req.url = url.pathname.slice('/__test__'.length) + url.search;
      harness(req, res, notFound);
    } else if (url.pathname === '/cx/trace') {
      res.writeHead(301, { Location: prefix }).end();
    } else notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    appUrl: origin + prefix,
    override: (path, body) => (body === null ? overrides.delete(path) : overrides.set(path, body)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
