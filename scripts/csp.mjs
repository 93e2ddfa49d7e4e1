/**
 * The app's Content-Security-Policy, in one place. The build puts it in `index.html` as a meta
 * tag (which works on any static host, but governs only the page) and writes it into
 * `dist/_headers` as an HTTP header (the common static-host format) with the directives a meta
 * tag cannot carry; a header governs every response, workers and the service worker included.
 * The README gives the same header for nginx and Apache; `vite preview` (`npm start`) sends it.
 */

/**
 * Directives of the meta tag and the header alike. No 'unsafe-inline', no 'unsafe-eval'.
 * @type {[string, string][]}
 */
const DIRECTIVES = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/**
 * Directives only a header can carry (a meta tag's are ignored).
 * @type {[string, string][]}
 */
const HEADER_ONLY = [['frame-ancestors', "'none'"]];

/** @param {[string, string][]} directives */
const join = (directives) => directives.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy of the meta tag in `index.html`. */
export const CSP_META = join(DIRECTIVES);

/** The policy of the HTTP header, for every response of the host. */
export const CSP_HEADER = join([...DIRECTIVES, ...HEADER_ONLY]);

/**
 * The one script allowed to compile code: the transform worker, where Arquero compiles its
 * queries with `Function` (even escaped ones). A dedicated worker takes the policy of its own
 * response, so this widens nothing else: the page and the other workers keep `CSP_HEADER`.
 * Its path as the build names it (`assets/transform.worker-HASH.js`), and as a host's glob.
 */
export const EVAL_WORKER = /(^|\/)transform\.worker-[\w-]+\.js$/;
export const EVAL_WORKER_GLOB = '/assets/transform.worker-*';

/** The transform worker's policy: the header's, with `'unsafe-eval'` for its own scripts. */
export const CSP_EVAL_WORKER = join([
  ...DIRECTIVES.map(
    ([k, v]) =>
      /** @type {[string, string]} */ ([k, k === 'script-src' ? `${v} 'unsafe-eval'` : v]),
  ),
  ...HEADER_ONLY,
]);

/**
 * Headers every response of the app should carry.
 * @type {Record<string, string>}
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The headers of a response for `pathname`: the app's, with the transform worker's policy for
 * that worker's script.
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function headersFor(pathname) {
  return EVAL_WORKER.test(pathname)
    ? { ...SECURITY_HEADERS, 'Content-Security-Policy': CSP_EVAL_WORKER }
    : SECURITY_HEADERS;
}

/**
 * `dist/_headers` in the format Netlify, Cloudflare Pages and others read: every response's
 * headers, then the transform worker's policy in place of the app's (`!` detaches the first).
 * @returns {string}
 */
export function headersFile() {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return (
    `/*\n${lines.join('\n')}\n` +
    `${EVAL_WORKER_GLOB}\n  ! Content-Security-Policy\n  Content-Security-Policy: ${CSP_EVAL_WORKER}\n`
  );
}

/**
 * Reads a `_headers` file back: the headers of its `/*` block (what a static host would send
 * with every response).
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseHeadersFile(text) {
  /** @type {Record<string, string>} */
  const headers = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

/**
 * The headers a static host following a `_headers` file sends for `pathname` (relative to where
 * the app is mounted): every block whose path pattern matches, in order; `! Name` removes a
 * header an earlier block set (Cloudflare Pages' detach).
 * @param {string} text
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function headersForPath(text, pathname) {
  /** @type {Record<string, string>} */
  const headers = {};
  let applies = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      const glob = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      applies = new RegExp(`^${glob}$`).test(pathname);
      continue;
    }
    if (!applies) continue;
    const entry = line.trim();
    if (entry.startsWith('!')) {
      delete headers[entry.slice(1).trim()];
      continue;
    }
    const at = entry.indexOf(':');
    if (at > 0) headers[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return headers;
}
