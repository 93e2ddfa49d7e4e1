/**
 * Every request this realm makes, told to the page: the page and each worker observe their own
 * resource timing (with the buffer raised so no entry is dropped) and post each request on one
 * channel, so the Privacy panel lists them all — also those of a worker stopped since.
 */

/** The channel requests are told on. */
export const REQUEST_CHANNEL = 'cx-trace-requests';

/** A request: its address, what made it (`script`, `fetch`…), which realm, and when (epoch ms). */
export interface LoggedRequest {
  url: string;
  kind: string;
  /** `page`, or the name of the worker that made it. */
  from: string;
  at: number;
}

/** Entries kept by the browser's resource-timing buffer before it drops any. */
const BUFFER = 100_000;

/**
 * Calls `onRequests` with this realm's requests, those made so far and each one after; `from`
 * names the realm. Does nothing where the browser lacks resource timing.
 */
export function observeRequests(from: string, onRequests: (r: LoggedRequest[]) => void): void {
  if (typeof PerformanceObserver === 'undefined') return;
  performance.setResourceTimingBufferSize?.(BUFFER);
  const observer = new PerformanceObserver((list) =>
    onRequests(
      list.getEntries().map((e) => ({
        url: e.name,
        kind: (e as PerformanceResourceTiming).initiatorType,
        from,
        at: performance.timeOrigin + e.startTime,
      })),
    ),
  );
  observer.observe({ type: 'resource', buffered: true });
}

/** Tells the page (on `REQUEST_CHANNEL`) every request of this worker, as `name`. */
export function reportWorkerRequests(name: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(REQUEST_CHANNEL);
  observeRequests(name, (r) => channel.postMessage(r));
}
