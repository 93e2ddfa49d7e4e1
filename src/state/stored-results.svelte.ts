import { analysisBridge } from '../data/analysis-bridge.ts';

/**
 * How much each notebook's stored cell results take, measured in the analysis worker (reading
 * them all is too heavy for the page), and clearing them.
 */
export class StoredResults {
  /** Bytes per notebook id; null until measured. */
  sizes = $state.raw<Record<string, number> | null>(null);
  error = $state.raw<unknown>(null);

  /** Measures again. */
  async measure(): Promise<void> {
    try {
      this.sizes = await analysisBridge.call('resultSizes', undefined);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  /** Forgets a notebook's stored results (a result another notebook shows stays for it). */
  async clear(notebookId: string): Promise<void> {
    try {
      await analysisBridge.call('clearResults', { notebookId });
    } catch (e) {
      this.error = e;
    }
    await this.measure();
  }
}
