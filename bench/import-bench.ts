// The import benchmark (`npm run bench`): generates two CSV files, then in real Chromium measures,
// in one page session, DuckDB-WASM's typed load of each file (the baseline of issue 24), the
// app's file → typed columns and its encoding + storing (against raw IndexedDB puts of the same
// bytes), a plain parse (Papa.parse, the older baseline), the full import into IndexedDB, the
// longest main-thread task during it, reloading the stored dataset into a fresh worker, and the
// stored size; prints tables and records the figures for the bench entry script
// (`recordFigures`). See bench/README.md.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { writeCrmCsv, writeFeedbackCsv } from './generate.ts';
import { sampleMemory, serve, traceMainThread, withBenchSession } from './browser-harness.ts';
import { codeVersion, recordFigures, textTable, type BenchFigure } from './bench-report.ts';
import type { Bench } from './page/bench.ts';
import type { DuckCsvHints } from './page/duckdb.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 3);
const DUCKDB_RUNS = Number(process.env.BENCH_DUCKDB_RUNS ?? 3);
const CRM_ROWS = Number(process.env.BENCH_CRM_ROWS ?? 1_000_000);
const FEEDBACK_ROWS = Number(process.env.BENCH_FEEDBACK_ROWS ?? 300_000);
/** Targets of issue 3 (against the Papa.parse baseline, and absolute). */
const TARGET = { importRatio: 2, longTaskMs: 50, reloadMs: 500, sizeRatio: 1.5 };

/** Targets of issue 24, ratios of the same run: the floor needed, the goal aimed at. */
const LIMITS = {
  typed: { floor: 1.5, goal: 1.0 },
  storage: { floor: 2, goal: 1.3 },
  reload: { floor: 0.5, goal: 0.25 },
  longTaskMs: { floor: 50 },
};

type Awaited2<T> = T extends Promise<infer U> ? U : T;
type Result<K extends keyof Bench> = Awaited2<ReturnType<Bench[K]>>;

interface FileRun {
  label: string;
  /** The key of its figures: `import.<key>.…`. */
  key: string;
  name: string;
  bytes: number;
  rows: number;
  duckdb?: Result<'duckdb'>;
  typed?: Result<'typed'>;
  baseline: Result<'baseline'>;
  full?: Result<'fullImport'>;
  reload?: Result<'reload'>;
  phases?: Result<'phases'>;
  /** The longest task on the page's main thread during the full import, from a trace. */
  trace?: {
    longestMs: number;
    /** The main thread's CPU time in that task (less when it waited for a CPU). */
    longestCpuMs: number | null;
    longestSource: string;
    tasks: number;
    mainThreads: number;
  };
  /** Peak resident memory of Chromium's processes during the full import. */
  memory?: { peakProcessBytes: number; peakTotalBytes: number };
  error?: string;
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const fmtX = (x: number) => `${x.toFixed(2)}×`;
const ok = (met: boolean) => (met ? 'met' : 'MISSED');

function log(msg: string) {
  process.stdout.write(`[import-bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/**
 * The longest task on the page's main thread during the import: from the trace when there is
 * one (exact, any length), else from the long-task API (which only reports tasks ≥ 50 ms).
 */
function longestTask(r: FileRun): { ms: number; text: string; how: string } {
  if (r.trace && r.trace.mainThreads > 0) {
    return {
      ms: r.trace.longestMs,
      text: `${r.trace.longestMs.toFixed(1)} ms`,
      how: `from a Chromium trace of ${r.trace.tasks.toLocaleString('en-US')} main-thread tasks${r.trace.longestSource ? `, the longest posted by ${r.trace.longestSource}` : ''}${r.trace.longestCpuMs !== null ? ` (CPU time in it ${r.trace.longestCpuMs.toFixed(1)} ms)` : ''}`,
    };
  }
  const m = r.full!.mainThread;
  return m.longTasks > 0
    ? { ms: m.longTaskMaxMs, text: `${m.longTaskMaxMs.toFixed(0)} ms`, how: 'long-task API' }
    : { ms: 0, text: '< 50 ms', how: 'no trace; no long task reported' };
}

/** The rows of the figures table for one file. */
function tableRows(r: FileRun): string[][] {
  const base = r.baseline.parseMs;
  const rows: string[][] = [
    ['CSV size', fmtMB(r.bytes), '', ''],
    [
      'Baseline: Papa.parse (default options) of decoded text',
      fmtMs(base),
      '1.00×',
      `median of ${r.baseline.runs.length}; decode ${fmtMs(r.baseline.decodeMs)} and file read ${fmtMs(r.baseline.readMs)} not included`,
    ],
  ];
  if (!r.full) {
    rows.push(['Full import', 'FAILED', '', r.error ?? '']);
    return rows;
  }
  const f = r.full;
  const ratio = f.totalMs / base;
  const perSec = (f.rows / f.totalMs) * 1000;
  rows.push(
    [
      'Full import: preview + import, file → committed dataset',
      fmtMs(f.totalMs),
      fmtX(ratio),
      `target ≤ ${TARGET.importRatio}×: ${ok(ratio <= TARGET.importRatio)}; ${Math.round(perSec).toLocaleString('en-US')} rows/s`,
    ],
    [
      '↳ of which `preview` call (read + profile)',
      fmtMs(f.previewMs),
      fmtX(f.previewMs / base),
      '',
    ],
    [
      '↳ of which `import` call (read + profile + encode + store)',
      fmtMs(f.importMs),
      fmtX(f.importMs / base),
      `${Math.round((f.rows / f.importMs) * 1000).toLocaleString('en-US')} rows/s; first chunk stored after ${fmtMs(f.importUntilFirstChunkMs)}`,
    ],
    [
      'Longest main-thread task during the import',
      longestTask(r).text,
      '',
      `target ≤ ${TARGET.longTaskMs} ms: ${ok(longestTask(r).ms <= TARGET.longTaskMs)}; ${longestTask(r).how}; long-task API: ${f.mainThread.longTasks} tasks ≥ 50 ms${f.mainThread.longTasks ? ` (longest ${f.mainThread.longTaskMaxMs.toFixed(0)} ms)` : ''}; largest gap between zero-delay timers ${f.mainThread.maxTimerGapMs.toFixed(0)} ms`,
    ],
  );
  if (r.reload) {
    const l = r.reload;
    rows.push([
      `Reload into a fresh worker: the app’s loadStoredDataset, ${l.rows.toLocaleString('en-US')} rows × ${l.columns} columns, each column decoded when first read`,
      fmtMs(l.totalMs),
      fmtX(l.totalMs / base),
      `${CRM_ROWS >= 1_000_000 && r.rows >= 1_000_000 ? `target ≤ ${TARGET.reloadMs} ms: ${ok(l.totalMs <= TARGET.reloadMs)}; ` : ''}then every column's first read ${fmtMs(l.firstUseMs)}; readAllColumns after them ${fmtMs(l.eagerMs)}; measured again apart: one IndexedDB query of all ${l.chunks} chunks ${fmtMs(l.readMs)}, decoding every column ${fmtMs(l.decodeMs)}; worker start ${fmtMs(l.workerStartMs)}`,
    ]);
  }
  if (r.memory && r.memory.peakProcessBytes > 0) {
    rows.push([
      'Peak memory during the import (resident)',
      fmtMB(r.memory.peakProcessBytes),
      '',
      `largest Chromium process (the page's renderer, which runs its workers); all Chromium processes together ${fmtMB(r.memory.peakTotalBytes)}`,
    ]);
  }
  const sizeRatio = f.storedBytes / r.bytes;
  rows.push([
    'Stored size (sum of chunk byte lengths)',
    fmtMB(f.storedBytes),
    `${sizeRatio.toFixed(2)}× CSV`,
    `target ≤ ${TARGET.sizeRatio}× CSV: ${ok(sizeRatio <= TARGET.sizeRatio)}; ${f.chunks} chunks`,
  ]);
  return rows;
}

/** Where the import's time goes, step by step (phases worker). */
function phaseRows(r: FileRun): string[][] {
  const p = r.phases;
  if (!p) return [];
  const base = r.baseline.parseMs;
  const m = p.ms;
  const steps: [string, number][] = [
    ['read File → bytes', m.readFile!],
    ['detect encoding + TextDecoder (decodeText)', m.detectEncoding! + m.decodeText!],
    ['sniff delimiter', m.sniffDelimiter!],
    ['Papa.parse with the delimiter (splitRecords)', m.papaParse!],
    ['tableFromRecords (header, blank/ragged check, row copies)', m.tableFromRecords!],
    ['columnCells (rows → columns)', m.columnCells!],
    ['profile + convert to typed values (profileColumn, collect)', m.profileCollect!],
    ['Arrow encoding (encodeColumnChunks)', m.encodeChunks!],
    ['IndexedDB writes + commit (storeDataset)', m.storeDataset!],
  ];
  const total = steps.reduce((s, [, v]) => s + v, 0);
  const rows = steps.map(([name, v]) => [
    name,
    fmtMs(v),
    fmtX(v / base),
    `${((v / total) * 100).toFixed(0)}%`,
  ]);
  rows.push(['Sum: one import without the preview', fmtMs(total), fmtX(total / base), '100%']);
  rows.push([
    '↳ (profile alone, without collecting values: inference + counting)',
    fmtMs(m.profileOnly!),
    fmtX(m.profileOnly! / base),
    '',
  ]);
  rows.push([
    '↳ (chunkRowCount: writeChunk re-parses every chunk; inside storeDataset)',
    fmtMs(m.chunkRowCount!),
    fmtX(m.chunkRowCount! / base),
    '',
  ]);
  return rows;
}

function columnRows(r: FileRun): string[][] {
  const decode = new Map(r.reload?.columnDecode.map((c) => [c.name, c]));
  return (r.phases?.costs ?? []).map((c) => [
    c.name,
    c.type,
    fmtMs(c.cellsMs),
    fmtMs(c.profileMs),
    fmtMs(c.profileCollectMs),
    fmtMs(c.encodeMs),
    decode.get(c.name)?.arrowType ?? '',
    decode.has(c.name) ? fmtMs(decode.get(c.name)!.ms) : '',
  ]);
}

/** The ratios of issue 24 for one file, all from this run (null where a part failed). */
function ratios(r: FileRun) {
  const duck = r.duckdb?.loadMs;
  const t = r.typed;
  return {
    typed: t && duck ? t.typedMs / duck : null,
    // The issue's baseline: raw puts of the same bytes as Blobs, which is how chunks are stored.
    storage: t ? t.storeMs / t.rawPutBlobsMs : null,
    storageBuffers: t ? t.storeMs / t.rawPutBuffersMs : null,
    whole: r.full && duck ? r.full.totalMs / duck : null,
    wholeNoPreview: t && duck ? t.totalMs / duck : null,
    reload: r.reload && duck ? r.reload.totalMs / duck : null,
    reloadAll: r.reload && duck ? (r.reload.totalMs + r.reload.firstUseMs) / duck : null,
  };
}

const limitText = (x: number | null, l: { floor: number; goal?: number }) =>
  x === null
    ? 'not measured'
    : `floor ≤ ${l.floor}×: ${ok(x <= l.floor)}` +
      (l.goal !== undefined ? `; goal ≤ ${l.goal}×: ${ok(x <= l.goal)}` : '');

/** The rows of the issue-24 table for one file: DuckDB-WASM against the app, same run. */
function duckRows(r: FileRun): string[][] {
  const d = r.duckdb;
  const t = r.typed;
  const x = ratios(r);
  const rows: string[][] = [];
  if (!d) return [['DuckDB-WASM read_csv', 'FAILED', '', r.error ?? '']];
  const duck = d.loadMs;
  rows.push(
    [
      `DuckDB-WASM ${d.version}: CREATE TABLE t AS SELECT * FROM read_csv(…)`,
      fmtMs(duck),
      '1.00×',
      `median of ${d.loads.length} (${d.loads.map(fmtMs).join(', ')}); eh bundle, ${d.threads} thread; ${d.rows.toLocaleString('en-US')} rows; start-up ${fmtMs(d.startMs)} not counted`,
    ],
    [
      '↳ types it inferred (DESCRIBE t)',
      '',
      '',
      d.types.map((c) => `${c.name} ${c.type}`).join(', '),
    ],
  );
  if (t) {
    rows.push(
      [
        `App: file → typed columns (read + parse + type + profile${t.split ? ', two workers' : ', one worker'})`,
        fmtMs(t.typedMs),
        fmtX(x.typed!),
        `${limitText(x.typed, LIMITS.typed)}; readFileSource ${fmtMs(t.readMs)}, profileSource ${fmtMs(t.profileMs)}; worker start ${fmtMs(t.workerStartMs)} not counted`,
      ],
      [
        'App: encoding + IndexedDB writes + commit (storeDataset)',
        fmtMs(t.storeMs),
        fmtX(t.storeMs / duck),
        `${t.chunks} chunks, ${fmtMB(t.storedBytes)}${t.split ? ', both workers writing' : ''}; encoding this worker's chunks ${fmtMs(t.ownEncodeMs)}; last chunk stored after ${fmtMs(t.lastWrittenMs)}${t.split ? ` (the part worker's after ${fmtMs(t.otherWrittenMs)})` : ''}; commit ${fmtMs(t.commitMs)}`,
      ],
      [
        `↳ against raw IndexedDB puts of the same bytes as ArrayBuffers (${t.rawRecords} records, one transaction each)`,
        fmtMs(t.rawPutBuffersMs),
        '',
        `storage ${fmtX(x.storageBuffers!)} these; ${fmtMB(t.rawBytes)}`,
      ],
      [
        '↳ against raw IndexedDB puts of the same bytes as Blobs (same records), as chunks are stored',
        fmtMs(t.rawPutBlobsMs),
        '',
        `storage ${fmtX(x.storage!)} these: ${limitText(x.storage, LIMITS.storage)}`,
      ],
      [
        'App: file → committed, no preview (the two above)',
        fmtMs(t.totalMs),
        fmtX(x.wholeNoPreview!),
        '',
      ],
    );
  }
  if (r.full) {
    rows.push([
      'App: whole import as the import cell runs it (preview + import)',
      fmtMs(r.full.totalMs),
      fmtX(x.whole!),
      'the full import of the table below',
    ]);
  }
  if (r.reload) {
    rows.push([
      'App: reload of the stored dataset into a fresh worker (each column decoded on first read)',
      fmtMs(r.reload.totalMs),
      fmtX(x.reload!),
      limitText(x.reload, LIMITS.reload),
    ]);
    rows.push([
      'App: the same reload, then every column read once',
      fmtMs(r.reload.totalMs + r.reload.firstUseMs),
      fmtX(x.reloadAll!),
      'what an analysis using every column pays',
    ]);
  }
  return rows;
}

/** The figures of one file for `bench/results.json`. */
function figures(r: FileRun): BenchFigure[] {
  const x = ratios(r);
  const id = (what: string) => `import.${r.key}.${what}`;
  const out: BenchFigure[] = [];
  const add = (f: BenchFigure | null) => f && out.push(f);
  const ratio = (what: string, label: string, value: number | null, limits = {}) =>
    value === null ? null : { id: id(what), label, unit: 'ratio' as const, value, ...limits };
  const ms = (what: string, label: string, value: number | undefined, limits = {}) =>
    value === undefined ? null : { id: id(what), label, unit: 'ms' as const, value, ...limits };
  add(
    ratio(
      'typed-vs-duckdb',
      `${r.label}: file → typed columns, against DuckDB-WASM read_csv`,
      x.typed,
      LIMITS.typed,
    ),
  );
  add(
    ratio(
      'storage-vs-raw-blob-put',
      `${r.label}: encoding + IndexedDB writes, against raw puts of the same bytes as Blobs`,
      x.storage,
      LIMITS.storage,
    ),
  );
  add(
    ratio(
      'storage-vs-raw-put',
      `${r.label}: encoding + IndexedDB writes, against raw puts of the same bytes (ArrayBuffers)`,
      x.storageBuffers,
    ),
  );
  add(
    ratio(
      'whole-vs-duckdb',
      `${r.label}: whole import (preview + import), against DuckDB-WASM read_csv`,
      x.whole,
    ),
  );
  add(
    ratio(
      'reload-vs-duckdb',
      `${r.label}: reload into a worker, against DuckDB-WASM read_csv`,
      x.reload,
      LIMITS.reload,
    ),
  );
  add(
    ratio(
      'reload-all-vs-duckdb',
      `${r.label}: reload, then every column read once, against DuckDB-WASM read_csv`,
      x.reloadAll,
    ),
  );
  const task = r.full ? longestTask(r) : null;
  add(
    ms(
      'main-thread-longest-ms',
      `${r.label}: longest main-thread task during the import`,
      task?.ms,
      LIMITS.longTaskMs,
    ),
  );
  add(ms('duckdb-ms', `${r.label}: DuckDB-WASM read_csv (median)`, r.duckdb?.loadMs));
  add(ms('typed-ms', `${r.label}: app, file → typed columns`, r.typed?.typedMs));
  add(ms('store-ms', `${r.label}: app, encoding + IndexedDB writes`, r.typed?.storeMs));
  add(ms('raw-put-ms', `${r.label}: raw IndexedDB puts (ArrayBuffers)`, r.typed?.rawPutBuffersMs));
  add(ms('raw-blob-put-ms', `${r.label}: raw IndexedDB puts (Blobs)`, r.typed?.rawPutBlobsMs));
  add(ms('commit-ms', `${r.label}: app, the commit after the last chunk`, r.typed?.commitMs));
  add(ms('whole-ms', `${r.label}: app, whole import (preview + import)`, r.full?.totalMs));
  add(ms('reload-ms', `${r.label}: app, reload into a worker`, r.reload?.totalMs));
  add(
    ms(
      'reload-first-use-ms',
      `${r.label}: app, every column's first read after the reload`,
      r.reload?.firstUseMs,
    ),
  );
  return out;
}

const DUCK_HEADER = ['Measure (issue 24)', 'Value', 'vs DuckDB', 'Notes'];
const MAIN_HEADER = ['Measure', 'Value', 'vs baseline', 'Notes'];
const PHASE_HEADER = ['Import step (phases worker)', 'Time', 'vs baseline', 'Share'];
const COLUMN_HEADER = [
  'Column',
  'Type',
  'Cells',
  'Profile',
  'Profile+convert',
  'Encode',
  'Stored as',
  'Reload decode',
];

function describe(r: FileRun): string {
  return `${r.label}: ${r.name}, ${r.rows.toLocaleString('en-US')} rows, ${fmtMB(r.bytes)}`;
}

function summary(runs: FileRun[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    const f = r.full;
    if (!f) {
      out.push(`- ${r.label}: import failed (${r.error}); targets not measurable.`);
      continue;
    }
    const ratio = f.totalMs / r.baseline.parseMs;
    const task = longestTask(r);
    const parts = [
      `import ${fmtX(ratio)} baseline (≤ ${TARGET.importRatio}×: ${ok(ratio <= TARGET.importRatio)})`,
      `longest main-thread task ${task.text} (≤ ${TARGET.longTaskMs} ms: ${ok(task.ms <= TARGET.longTaskMs)})`,
    ];
    if (r.reload && r.rows >= 1_000_000) {
      parts.push(
        `reload ${fmtMs(r.reload.totalMs)} (≤ ${TARGET.reloadMs} ms: ${ok(r.reload.totalMs <= TARGET.reloadMs)})`,
      );
    } else if (r.reload) {
      parts.push(`reload ${fmtMs(r.reload.totalMs)} (target is for 1M rows)`);
    }
    const size = f.storedBytes / r.bytes;
    parts.push(
      `stored ${fmtX(size)} CSV (≤ ${TARGET.sizeRatio}×: ${ok(size <= TARGET.sizeRatio)})`,
    );
    out.push(`- ${r.label}: ${parts.join('; ')}.`);
  }
  return out;
}

/** The issue-24 targets, one line per file. */
function summary24(runs: FileRun[]): string[] {
  return runs.map((r) => {
    const x = ratios(r);
    const task = r.full ? longestTask(r) : null;
    const parts = [
      `typed ${x.typed === null ? '–' : fmtX(x.typed)} DuckDB (${limitText(x.typed, LIMITS.typed)})`,
      `storage ${x.storage === null ? '–' : fmtX(x.storage)} raw Blob puts (${limitText(x.storage, LIMITS.storage)})`,
      `whole import ${x.whole === null ? '–' : fmtX(x.whole)} DuckDB`,
      `reload ${x.reload === null ? '–' : fmtX(x.reload)} DuckDB (${limitText(x.reload, LIMITS.reload)}; with every column read once ${x.reloadAll === null ? '–' : fmtX(x.reloadAll)})`,
      `longest main-thread task ${task ? task.text : '–'} (≤ ${LIMITS.longTaskMs.floor} ms: ${task ? ok(task.ms <= LIMITS.longTaskMs.floor) : 'not measured'})`,
    ];
    return `- ${r.label}: ${parts.join('; ')}.`;
  });
}

async function main() {
  await withBenchSession('cx-trace-bench-', async (session) => {
    const { tmp } = session;
    const files = [
      {
        label: 'CRM export',
        key: 'crm',
        name: 'crm-1m.csv',
        rows: CRM_ROWS,
        write: writeCrmCsv,
        hints: { delim: ';', decimalSeparator: ',', dateformat: '%d.%m.%Y' } as DuckCsvHints,
      },
      {
        label: 'Feedback',
        key: 'feedback',
        name: 'feedback-300k.csv',
        rows: FEEDBACK_ROWS,
        write: writeFeedbackCsv,
        hints: { delim: ',', dateformat: '%Y-%m-%d' } as DuckCsvHints,
      },
    ];
    const generated = [];
    for (const f of files) {
      const path = join(tmp, f.name);
      const t = performance.now();
      const bytes = await f.write(path, f.rows);
      log(
        `generated ${f.name}: ${f.rows} rows, ${fmtMB(bytes)} in ${fmtMs(performance.now() - t)}`,
      );
      generated.push({ ...f, path, bytes });
    }

    log('building the bench page (dist-bench/)');
    await build({ configFile: join(root, 'bench/page/vite.config.ts') });
    const server = (session.server = await serve(join(root, 'dist-bench')));
    // A profile on disk (not an in-memory incognito context), so IndexedDB writes go to disk.
    const context = (session.context = await chromium.launchPersistentContext(
      join(tmp, 'profile'),
      {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
      },
    ));
    const load = loadavg()[0]!.toFixed(2);
    // No request may leave 127.0.0.1 (DuckDB-WASM could fetch extensions): any other is refused
    // and reported.
    const outside: string[] = [];
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        outside.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
      if (m.text().startsWith('DEBUG')) console.log(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('crash', () => pageErrors.push('the page crashed'));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const browserVersion =
      /HeadlessChrome\/[\d.]+|Chrom\w+\/[\d.]+/.exec(userAgent)?.[0] ?? 'Chromium';
    await page.setInputFiles(
      '#files',
      generated.map((g) => g.path),
    );

    const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
      page.evaluate(
        ([n, a]) => {
          const b = (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> })
            .bench;
          return b[n as string]!(...(a as unknown[]));
        },
        [name, args] as const,
      ) as Promise<Result<K>>;

    const runs: FileRun[] = [];
    for (const [i, g] of generated.entries()) {
      log(`${g.name}: baseline (${BASELINE_RUNS} runs)`);
      const baseline = await call('baseline', i, BASELINE_RUNS);
      const run: FileRun = {
        label: g.label,
        key: g.key,
        name: g.name,
        bytes: g.bytes,
        rows: g.rows,
        baseline,
      };
      runs.push(run);
      log(
        `${g.name}: baseline parse ${fmtMs(baseline.parseMs)}; DuckDB-WASM (${DUCKDB_RUNS} runs)…`,
      );
      try {
        run.duckdb = await call('duckdb', i, g.hints, DUCKDB_RUNS);
        log(
          `${g.name}: DuckDB-WASM ${fmtMs(run.duckdb.loadMs)} (start-up ${fmtMs(run.duckdb.startMs)}); app, file → typed → stored…`,
        );
        run.typed = await call('typed', i);
        log(
          `${g.name}: typed ${fmtMs(run.typed.typedMs)}, stored ${fmtMs(run.typed.storeMs)}, raw puts ${fmtMs(run.typed.rawPutBuffersMs)}; full import…`,
        );
      } catch (e) {
        run.error = `${(e as Error).message.split('\n')[0]}${pageErrors.length ? ` (page: ${pageErrors.join('; ')})` : ''}`;
        log(`${g.name}: FAILED: ${run.error}`);
        if (page.isClosed()) break;
      }
      const memory = sampleMemory();
      const trace = await traceMainThread(page);
      try {
        run.full = await call('fullImport', i);
        run.trace = await trace();
        run.memory = await memory();
        if (run.full.rows !== g.rows) {
          throw new Error(`the dataset has ${run.full.rows} rows, expected ${g.rows}`);
        }
        log(`${g.name}: import ${fmtMs(run.full.totalMs)}; reload…`);
        run.reload = await call('reload', run.full.datasetId);
        log(`${g.name}: reload ${fmtMs(run.reload.totalMs)}; phases…`);
        run.phases = await call('phases', i);
        log(`${g.name}: phases done`);
      } catch (e) {
        run.memory ??= await memory();
        run.trace ??= await trace().catch(() => undefined);
        run.error = `${(e as Error).message.split('\n')[0]}${pageErrors.length ? ` (page: ${pageErrors.join('; ')})` : ''}`;
        log(`${g.name}: FAILED: ${run.error}`);
        if (page.isClosed()) break;
      }
    }

    const env = `${codeVersion()}, ${browserVersion}, ${process.platform} ${process.arch}, ${cpus().length} CPUs, Node ${process.version}, load average ${load} at the start`;
    process.stdout.write('\n');
    process.stdout.write(`${env}\n\n`);
    for (const r of runs) {
      process.stdout.write(`${describe(r)}\n\n${textTable(DUCK_HEADER, duckRows(r))}\n\n`);
      process.stdout.write(`${textTable(MAIN_HEADER, tableRows(r))}\n\n`);
      if (r.phases) {
        process.stdout.write(`${textTable(PHASE_HEADER, phaseRows(r))}\n\n`);
        process.stdout.write(`${textTable(COLUMN_HEADER, columnRows(r))}\n\n`);
      }
    }
    process.stdout.write(`Targets of issue 24 (same run):\n${summary24(runs).join('\n')}\n`);
    process.stdout.write(`Targets of issue 3:\n${summary(runs).join('\n')}\n`);
    if (pageErrors.length) process.stdout.write(`\nPage errors:\n${pageErrors.join('\n')}\n`);
    if (outside.length) {
      process.stdout.write(`\nRequests refused (not to 127.0.0.1):\n${outside.join('\n')}\n`);
    }
    recordFigures(runs.flatMap(figures));
    if (runs.some((r) => r.error) || outside.length) process.exitCode = 1;
  });
}

await main();
