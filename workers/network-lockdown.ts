/// <reference lib="webworker" />
/**
 * Network lockdown of an analysis worker. Once a worker's own modules are loaded, nothing in it
 * has any reason to reach the network, so every way a library could send something is replaced
 * by one that refuses: `fetch`, `XMLHttpRequest`, `WebSocket`, `EventSource`, `WebTransport`,
 * `importScripts` and `caches`, on the global object and on the prototypes it inherits them
 * from (so `WorkerGlobalScope.prototype.fetch.call(self, …)` refuses too), and the sending
 * methods of the original classes (so one captured before the lockdown cannot send either).
 * Dynamic `import()` of another origin is stopped by the CSP header instead (see README). Not
 * for the service worker, which needs `fetch`.
 */

/** The global names locked down, as the probe reports them. */
export const LOCKED_NAMES = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'WebTransport',
  'importScripts',
  'caches',
] as const;

/** The error every locked API throws (or rejects with). */
export class NetworkLockedError extends Error {
  constructor(what: string) {
    super(`${what} is disabled in CX Trace's analysis workers: data never leaves this device.`);
    this.name = 'NetworkLockedError';
  }
}

type Scope = Record<string, unknown>;

/** A stand-in that refuses when called, and when constructed (`new WebSocket(…)`). */
const refuse = (what: string) =>
  function refused(): never {
    throw new NetworkLockedError(what);
  };

/** Defines `name` as `value` on `target`, for good: neither writable nor configurable. */
function seal(target: object, name: string, descriptor: PropertyDescriptor): void {
  try {
    Object.defineProperty(target, name, { ...descriptor, configurable: false });
  } catch {
    // Already sealed (a second lockdown) or not configurable: it stays as it is.
  }
}

/** The global object and every prototype it inherits from, up to `Object.prototype`. */
function chain(scope: object): object[] {
  const out: object[] = [];
  for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    out.push(o);
  }
  return out;
}

/** The sending methods of the original classes, made to refuse. */
function lockPrototypes(scope: Scope): void {
  const methods: [string, string[]][] = [
    ['XMLHttpRequest', ['open', 'send']],
    ['WebSocket', ['send']],
    ['WebTransport', ['createBidirectionalStream', 'createUnidirectionalStream']],
    ['CacheStorage', ['open', 'match', 'has', 'keys', 'delete']],
    ['Cache', ['add', 'addAll', 'put', 'match', 'matchAll']],
  ];
  for (const [cls, names] of methods) {
    const proto = (scope[cls] as { prototype?: object } | undefined)?.prototype;
    if (!proto) continue;
    for (const name of names) {
      seal(proto, name, { value: refuse(`${cls}.${name}`), writable: false });
    }
  }
}

/** Locks the network APIs of `scope` (the worker's global object). */
export function lockDownNetwork(scope: object = globalThis): void {
  const s = scope as Scope;
  lockPrototypes(s);
  const levels = chain(scope);
  for (const name of LOCKED_NAMES) {
    const blocked =
      name === 'caches'
        ? { get: refuse('caches') }
        : name === 'fetch'
          ? {
              value: () => Promise.reject(new NetworkLockedError('fetch')),
              writable: false,
            }
          : { value: refuse(name), writable: false };
    for (const level of levels) {
      if (level === scope || Object.prototype.hasOwnProperty.call(level, name)) {
        seal(level, name, blocked);
      }
    }
  }
}

/** What the probe found for each locked API: `blocked`, or `open` when it could still be used. */
export type NetworkProbe = Record<(typeof LOCKED_NAMES)[number] | 'prototype-fetch', string>;

/**
 * Tries each locked API the way a library would (against a `data:` URL, so nothing would leave
 * even if one were open) and says which refused.
 */
export async function probeNetwork(scope: object = globalThis): Promise<NetworkProbe> {
  const s = scope as Scope;
  const url = 'data:text/plain,probe';
  const attempt = async (run: () => unknown): Promise<string> => {
    try {
      await run();
      return 'open';
    } catch (e) {
      return e instanceof NetworkLockedError ? 'blocked' : `open (${String(e)})`;
    }
  };
  const ctor = (name: string) => s[name] as new (...args: unknown[]) => unknown;
  const protoFetch = chain(scope)
    .map((o) => Object.getOwnPropertyDescriptor(o, 'fetch')?.value as unknown)
    .find((f) => typeof f === 'function') as ((u: string) => Promise<unknown>) | undefined;
  return {
    fetch: await attempt(() => (s.fetch as (u: string) => Promise<unknown>)(url)),
    'prototype-fetch': await attempt(() => protoFetch?.call(scope, url)),
    XMLHttpRequest: await attempt(() => {
      const xhr = new (ctor('XMLHttpRequest'))() as XMLHttpRequest;
      xhr.open('GET', url);
    }),
    WebSocket: await attempt(() => new (ctor('WebSocket'))('ws://127.0.0.1:9')),
    EventSource: await attempt(() => new (ctor('EventSource'))(url)),
    WebTransport: await attempt(() => new (ctor('WebTransport'))('https://127.0.0.1:9')),
    importScripts: await attempt(() => (s.importScripts as (u: string) => void)(url)),
    caches: await attempt(() => (s.caches as CacheStorage).open('probe')),
  };
}
