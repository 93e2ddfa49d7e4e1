/**
 * Where the app is: the notebook list, one notebook, the stored datasets, the service models or
 * one model in the editor. Kept in the URL hash (any static host).
 */
export type Route =
  | { page: 'home' }
  | { page: 'notebook'; id: string }
  | { page: 'datasets' }
  | { page: 'models' }
  | { page: 'model'; id: string };

/** Reads a route from a location hash such as `#/notebook/ID` or `#/datasets`. */
export function parseHash(hash: string): Route {
  const m = /^#\/notebook\/([^/?#]+)/.exec(hash);
  if (m) return { page: 'notebook', id: decodeURIComponent(m[1]!) };
  const model = /^#\/models\/([^/?#]+)/.exec(hash);
  if (model) return { page: 'model', id: decodeURIComponent(model[1]!) };
  if (/^#\/models\/?(?:[?#]|$)/.test(hash)) return { page: 'models' };
  return /^#\/datasets\/?(?:[?#]|$)/.test(hash) ? { page: 'datasets' } : { page: 'home' };
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

  /** Opens the list of stored datasets. */
  datasets(): void {
    location.hash = '#/datasets';
  }

  /** Opens the list of service models. */
  models(): void {
    location.hash = '#/models';
  }

  /** Opens a service model in the editor. */
  openModel(id: string): void {
    location.hash = `#/models/${encodeURIComponent(id)}`;
  }

  /** Goes to the notebook list. */
  home(): void {
    location.hash = '#/';
  }
}

/** The app's router. */
export const router = new Router();
