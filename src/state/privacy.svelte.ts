import { REQUEST_CHANNEL, observeRequests, type LoggedRequest } from '../data/request-log.ts';

/** Every request the app made this session: the page's and each worker's (see request-log). */
class RequestLog {
  items = $state.raw<LoggedRequest[]>([]);
  #started = false;

  /** Starts listening (once, at start-up, before any worker runs). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const add = (r: LoggedRequest[]) => (this.items = [...this.items, ...r]);
    observeRequests('page', add);
    if (typeof BroadcastChannel === 'undefined') return;
    new BroadcastChannel(REQUEST_CHANNEL).onmessage = (e: MessageEvent<LoggedRequest[]>) =>
      add(Array.isArray(e.data) ? e.data : []);
  }

  /** Requests to any origin but the app's own. */
  foreign(origin: string): LoggedRequest[] {
    return this.items.filter((r) => {
      try {
        const u = new URL(r.url);
        return u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin;
      } catch {
        return true;
      }
    });
  }
}

/** The session's request log. */
export const requestLog = new RequestLog();
