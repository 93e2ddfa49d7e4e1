// The port `npm start` serves on: the first free one from 4173 up, within a few tries.
import { createServer } from 'node:net';

/**
 * Whether nothing listens on `port` on any local address. A listener is opened there on every
 * interface (so that one held on 127.0.0.1 or ::1 alone counts as taken) and closed at once.
 *
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function portIsFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (/** @type {NodeJS.ErrnoException} */ e) =>
      e.code === 'EADDRINUSE' || e.code === 'EACCES' ? resolve(false) : reject(e),
    );
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/**
 * The first free port of `base`, `base + 1`, … trying at most `tries` of them.
 *
 * @param {number} base The port wanted.
 * @param {number} [tries] How many ports to try, `base` included.
 * @param {(port: number) => Promise<boolean>} [isFree] Whether a port is free (for tests).
 * @returns {Promise<number>}
 * @throws {Error} When every port tried is taken.
 */
export async function findFreePort(base, tries = 20, isFree = portIsFree) {
  const last = Math.min(base + tries - 1, 65535);
  for (let port = base; port <= last; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`Ports ${base}–${last} are all in use. Free one, or set PORT to another port.`);
}

/**
 * The port to start from: `--port N` on the command line, else the PORT environment variable,
 * else 4173.
 *
 * @param {readonly string[]} argv The command-line arguments after the script's name.
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 * @throws {Error} When the port given is not a whole number from 1 to 65535.
 */
export function basePort(argv, env) {
  const at = argv.indexOf('--port');
  const given = at >= 0 ? argv[at + 1] : env.PORT;
  if (given === undefined || given === '') return 4173;
  const port = Number(given);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`The port must be a whole number from 1 to 65535, not “${given}”.`);
  }
  return port;
}
