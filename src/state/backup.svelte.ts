import { analysisBridge } from '../data/analysis-bridge.ts';
import { getDb } from '../data/db.ts';
import { cleanUnfinishedImports } from '../data/datasets-repo.ts';
import type { BackupMade, RestoreInput, RestoreOutput } from '../core/worker-api/backup-api.ts';
import { TaskRun } from './task-run.svelte.ts';

/** Makes a backup of the whole workspace in the analysis worker. */
export class BackupRun extends TaskRun<BackupMade> {
  async make(passphrase: string | null): Promise<BackupMade | null> {
    return this.run((signal, onProgress) =>
      analysisBridge.call('backup', { passphrase }, { signal, onProgress }),
    );
  }
}

/** Restores a backup file in the analysis worker, all or nothing. */
export class RestoreRun extends TaskRun<RestoreOutput> {
  async restore(input: RestoreInput): Promise<RestoreOutput | null> {
    return this.run(
      (signal, onProgress) => analysisBridge.call('restore', input, { signal, onProgress }),
      // The stopped worker may have left chunks under its locks: removed once they are released.
      () => cleanUnfinishedImports(getDb()),
    );
  }
}
