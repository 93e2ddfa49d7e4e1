import { registerSW } from 'virtual:pwa-register';
import { storageWrites } from './storage-writes.svelte.ts';

/** How long the "ready to work offline" notice stays. */
const OFFLINE_NOTICE_MS = 12_000;

/**
 * The service worker: offline readiness and a waiting new version (never applied on its own, and
 * not offered while work is being written to storage: see `storageWrites`).
 */
export class PwaState {
  needRefresh = $state(false);
  offlineReady = $state(false);
  /** Another tab applied an update: this one runs old code and should reload when convenient. */
  reloadRequired = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  /** Registers the service worker (from this bundled script, not an inline one). */
  register(): void {
    if (!('serviceWorker' in navigator)) return;
    this.#update = registerSW({
      immediate: true,
      onNeedRefresh: () => (this.needRefresh = true),
      onOfflineReady: () => {
        this.offlineReady = true;
        // Only news, not a question: it goes away by itself.
        setTimeout(() => (this.offlineReady = false), OFFLINE_NOTICE_MS);
      },
      // Without this the plugin reloads every other open tab when one tab applies an update,
      // possibly in the middle of the user's work. Ask instead.
      onNeedReload: () => {
        this.needRefresh = false;
        this.reloadRequired = true;
      },
    });
  }

  /**
   * Activates the waiting version and reloads: only when the user asks. The reload follows the
   * new worker's activation itself, because a page opened before any worker controlled it (a
   * first visit) never sees a controller change.
   */
  async applyUpdate(): Promise<void> {
    // Never in the middle of an import: the button is not offered then, and this is the guard.
    if (storageWrites.active) return;
    let reloading = false;
    const reload = () => {
      if (reloading) return;
      reloading = true;
      location.reload();
    };
    const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
    if (!waiting) return reload();
    waiting.addEventListener('statechange', () => waiting.state === 'activated' && reload());
    navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
    await this.#update?.(true);
  }

  dismiss(): void {
    this.needRefresh = false;
    this.offlineReady = false;
  }
}

/** The app's service-worker state. */
export const pwa = new PwaState();
