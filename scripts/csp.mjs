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
 * Headers every response of the app should carry.
 * @type {Record<string, string>}
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * `dist/_headers` in the format Netlify, Cloudflare Pages and others read.
 * @returns {string}
 */
export function headersFile() {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return `/*\n${lines.join('\n')}\n`;
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
