/**
 * Where the app is: the notebook list, one notebook, the stored datasets, the service models or
 * one model in the editor. Kept in the URL hash (any static host).
 */
export type Route =
  | { page: 'home' }
  | { page: 'notebook'; id: string }
  | { page: 'datasets' }
  | { page: 'models' }
  | { page: 'model'; id: string; indicator?: string }
  /** A share to open: its link's parameters (`d`, `k`, `f`; see docs/share-format.md). */
  | { page: 'open'; query: string };

/** Reads a route from a location hash such as `#/notebook/ID`, `#/models/ID?indicator=X` or `#/datasets`. */
export function parseHash(hash: string): Route {
  const open = /^#\/open(?:\?(.*))?$/.exec(hash);
  if (open) return { page: 'open', query: open[1] ?? '' };
  const m = /^#\/notebook\/([^/?#]+)/.exec(hash);
  if (m) return { page: 'notebook', id: decodeURIComponent(m[1]!) };
  const model = /^#\/models\/([^/?#]+)(?:\?indicator=([^&#]+))?/.exec(hash);
  if (model) {
    const id = decodeURIComponent(model[1]!);
    return model[2]
      ? { page: 'model', id, indicator: decodeURIComponent(model[2]) }
      : { page: 'model', id };
  }
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

  /** Opens a service model in the editor, at one indicator's form when it is named. */
  openModel(id: string, indicator?: string): void {
    const at = indicator === undefined ? '' : `?indicator=${encodeURIComponent(indicator)}`;
    location.hash = `#/models/${encodeURIComponent(id)}${at}`;
  }

  /** Goes to the notebook list. */
  home(): void {
    location.hash = '#/';
  }
}

/** The app's router. */
export const router = new Router();
