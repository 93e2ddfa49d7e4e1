/** Where the app is: the notebook list, or one notebook. Kept in the URL hash (any static host). */
export type Route = { page: 'home' } | { page: 'notebook'; id: string };

/** Reads a route from a location hash such as `#/notebook/ID`. */
export function parseHash(hash: string): Route {
  const m = /^#\/notebook\/([^/?#]+)/.exec(hash);
  return m ? { page: 'notebook', id: decodeURIComponent(m[1]!) } : { page: 'home' };
}

/** The current route, following the URL hash. */
export class Router {
  route = $state<Route>(parseHash(location.hash));

  constructor() {
    addEventListener('hashchange', () => (this.route = parseHash(location.hash)));
  }

  /** Opens a notebook. */
  openNotebook(id: string): void {
    location.hash = `#/notebook/${encodeURIComponent(id)}`;
  }

  /** Goes to the notebook list. */
  home(): void {
    location.hash = '#/';
  }
}

/** The app's router. */
export const router = new Router();
