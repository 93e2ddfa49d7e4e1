import { ingestBridge } from '../data/ingest-bridge.ts';
import { isAbortError, type Progress } from '../data/worker-bridge.ts';
import { getDb } from '../data/db.ts';
import { cleanUnfinishedImports } from '../data/datasets-repo.ts';
import { storageWrites } from './storage-writes.svelte.ts';
import {
  PREVIEW_COLUMN_BATCH,
  type IngestFailure,
  type Preview,
} from '../core/worker-api/ingest-api.ts';
import type { SourceOptions } from '../core/ingest/read-source.ts';
import type { ColumnFormat, ColumnRole, ValueType } from '../core/ingest/types.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';
import type { ImportTarget } from '../data/import-dataset.ts';

/** Where an import stands. */
export type ImportStatus =
  'idle' | 'reading' | 'ready' | 'importing' | 'done' | 'cancelled' | 'failed';

/** A preview taking longer than this shows its progress and can be cancelled. */
const SLOW_PREVIEW_MS = 1000;

/** One file on its way into storage: preview, the user's corrections, the import itself. */
export class ImportSession {
  status = $state<ImportStatus>('idle');
  file = $state.raw<File | null>(null);
  options = $state.raw<SourceOptions>({});
  preview = $state.raw<Preview | null>(null);
  failure = $state.raw<IngestFailure | null>(null);
  /** An unexpected error (a bug or a browser failure), shown as is. */
  error = $state.raw<unknown>(null);
  formats = $state.raw<Record<string, ColumnFormat>>({});
  roles = $state.raw<Record<string, ColumnRole>>({});
  name = $state('');
  progress = $state.raw<Progress | null>(null);
  /** The preview has taken long enough to show its progress. */
  slowPreview = $state(false);
  startedAt = $state(0);
  result = $state.raw<DatasetMeta | null>(null);
  /** Where the rows go: a new dataset, or rows added to / replacing an existing one. */
  target = $state.raw<ImportTarget>({ mode: 'new' });
  #abort: AbortController | null = null;

  /**
   * @param defaultTarget the dataset this cell imported before, if any: a new file for it is
   *   most often next month's rows, so they are added to it unless the user says otherwise.
   */
  constructor(private readonly defaultTarget: () => string | null = () => null) {}

  /** Reads a chosen file for the preview. */
  async choose(file: File): Promise<void> {
    this.file = file;
    this.options = {};
    this.formats = {};
    this.roles = {};
    this.name = file.name.replace(/\.[^.]+$/, '');
    const current = this.defaultTarget();
    this.target = current ? { mode: 'append', datasetId: current } : { mode: 'new' };
    await this.#preview();
  }

  /** Changes how the file is read (encoding, delimiter, header row, sheet…) and previews again. */
  async setOptions(patch: SourceOptions): Promise<void> {
    this.options = { ...this.options, ...patch };
    if (patch.sheet !== undefined || patch.headerRow !== undefined) {
      this.formats = {};
      this.roles = {};
    }
    await this.#preview();
  }

  /** Chooses where the rows go, and previews again (appended rows are read as the dataset's). */
  async setTarget(target: ImportTarget): Promise<void> {
    this.target = target;
    await this.#preview();
  }

  /** Overrides a column's type. */
  setType(column: string, type: ValueType): void {
    const inferred = this.preview?.report.columns.find((c) => c.name === column)?.format;
    this.formats = {
      ...this.formats,
      [column]: { decimal: inferred?.decimal ?? '.', ...inferred, type },
    };
  }

  /** Overrides a column's role. */
  setRole(column: string, role: ColumnRole): void {
    this.roles = { ...this.roles, [column]: role };
  }

  /** Imports the file with the current choices. */
  async start(): Promise<void> {
    const file = this.file;
    if (!file || this.status === 'importing') return;
    const abort = (this.#abort = new AbortController());
    const ended = storageWrites.begin();
    this.status = 'importing';
    this.progress = null;
    this.startedAt = performance.now();
    this.failure = null;
    this.error = null;
    try {
      const r = await ingestBridge.call(
        'import',
        {
          file,
          options: this.options,
          target: this.target,
          name: this.name.trim() || file.name,
          formats: this.formats,
          roles: this.roles,
        },
        { signal: abort.signal, onProgress: (p) => (this.progress = p) },
      );
      if (r.ok) {
        this.result = r.meta;
        this.status = 'done';
      } else {
        this.failure = r.failure;
        this.status = 'failed';
      }
    } catch (e) {
      if (isAbortError(e)) {
        this.status = 'cancelled';
        // The stopped worker may have left chunks: remove them now, not at the next start.
        await cleanUnfinishedImports(getDb()).catch(() => undefined);
      } else {
        this.error = e;
        this.status = 'failed';
      }
    } finally {
      ended();
      this.#abort = null;
    }
  }

  /** Stops a running import; nothing of it is kept. */
  cancel(): void {
    this.#abort?.abort();
  }

  /** Forgets the file, back to choosing one. */
  reset(): void {
    this.cancel();
    this.status = 'idle';
    this.file = null;
    this.preview = null;
    this.failure = null;
    this.error = null;
    this.result = null;
  }

  /**
   * The preview with every column's profile: a wide file's are fetched in batches, each its own
   * message, so that receiving them never holds the page up. Null when the worker has made
   * another preview meanwhile (then this one is made again).
   */
  async #wholePreview(preview: Preview): Promise<Preview | null> {
    const more = preview.moreColumns;
    if (!more) return preview;
    const columns = [...preview.report.columns];
    while (columns.length < more.total) {
      const from = columns.length;
      const batch = await ingestBridge.call('previewColumns', {
        token: more.token,
        from,
        to: from + PREVIEW_COLUMN_BATCH,
      });
      if (!batch) return null;
      for (const c of batch) columns.push(c);
    }
    return { ...preview, report: { ...preview.report, columns }, moreColumns: null };
  }

  async #preview(): Promise<void> {
    const file = this.file;
    if (!file) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'reading';
    this.failure = null;
    this.error = null;
    this.progress = null;
    this.slowPreview = false;
    // Most files preview at once; a progress bar is shown only for one that takes a while.
    const slow = setTimeout(() => (this.slowPreview = true), SLOW_PREVIEW_MS);
    try {
      const r = await ingestBridge.call(
        'preview',
        { file, options: this.options, target: this.target },
        { signal: abort.signal, onProgress: (p) => (this.progress = p) },
      );
      if (this.file !== file) return;
      if (r.ok) {
        const preview = await this.#wholePreview(r.preview);
        if (this.file !== file) return;
        if (!preview) return this.#preview();
        this.preview = preview;
        this.status = 'ready';
      } else {
        this.preview = null;
        this.failure = r.failure;
        this.status = 'failed';
      }
    } catch (e) {
      if (isAbortError(e)) {
        if (this.file === file) this.status = 'idle';
      } else {
        this.error = e;
        this.status = 'failed';
      }
    } finally {
      clearTimeout(slow);
      if (this.#abort === abort) this.#abort = null;
    }
  }
}
