/**
 * Work writing to the browser's storage right now: imports, joins, the demo, restores, shares
 * being added. An update of the app waits for it: reloading would stop it (nothing half-written
 * stays, but the work is lost), so the new version is offered only once it is done.
 */
export class StorageWrites {
  #running = $state(0);

  /** Whether any such work is running. */
  get active(): boolean {
    return this.#running > 0;
  }

  /** Marks work as started; call the returned function (once) when it has ended. */
  begin(): () => void {
    this.#running++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#running--;
    };
  }

  /** Runs `work`, marked as writing for as long as it runs. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work();
    } finally {
      end();
    }
  }
}

/** The app's storage writes in progress. */
export const storageWrites = new StorageWrites();
