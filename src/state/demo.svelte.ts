import { TaskRun } from './task-run.svelte.ts';
import { ingestBridge } from '../data/ingest-bridge.ts';
import { cleanUnfinishedImports } from '../data/datasets-repo.ts';
import { getDb } from '../data/db.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { NotebookList } from './notebooks.svelte.ts';

/**
 * Opening the demo: the ingest worker makes the demo world's datasets and service model, then
 * the demo notebook is made on them. The result is the notebook's id.
 */
export class DemoRun extends TaskRun<string> {
  start(locale: Locale, notebooks: NotebookList): Promise<string | null> {
    return this.run(
      async (signal, onProgress) => {
        // The demo speaks the user's language, its column headers included.
        const made = await ingestBridge.call(
          'createDemo',
          { options: { lang: locale } },
          { signal, onProgress },
        );
        return notebooks.createDemo(locale, made.datasets, made.modelId);
      },
      // A stopped import leaves chunks of no dataset: remove them now rather than at next start.
      () => cleanUnfinishedImports(getDb()),
    );
  }
}
