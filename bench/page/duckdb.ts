import {
  AsyncDuckDB,
  DuckDBDataProtocol,
  VoidLogger,
  type AsyncDuckDBConnection,
} from '@duckdb/duckdb-wasm';
// Served from the bench page's own origin (copied into dist-bench by Vite): no request leaves
// 127.0.0.1. The single-threaded `eh` bundle: threads need cross-origin isolation headers.
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

// The import benchmark's baseline: DuckDB-WASM reading the same File, typed, into an in-memory
// table (`CREATE TABLE t AS SELECT * FROM read_csv(…)`). DuckDB runs in a worker of its own.

/** The `read_csv` options that make DuckDB read a file as the app reads it (types and all). */
export interface DuckCsvHints {
  delim: string;
  decimalSeparator?: ',' | '.';
  dateformat?: string;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The `read_csv(…)` call for a registered file. */
function readCsv(name: string, hints: DuckCsvHints): string {
  const options = [
    `delim=${sqlString(hints.delim)}`,
    `header=true`,
    `quote='"'`,
    `escape='"'`,
    ...(hints.decimalSeparator ? [`decimal_separator=${sqlString(hints.decimalSeparator)}`] : []),
    ...(hints.dateformat ? [`dateformat=${sqlString(hints.dateformat)}`] : []),
  ];
  return `read_csv(${sqlString(name)}, ${options.join(', ')})`;
}

/** Rows of an Arrow result as plain objects with string values (for DESCRIBE and counts). */
async function rowsOf(conn: AsyncDuckDBConnection, sql: string): Promise<Record<string, string>[]> {
  const table = await conn.query(sql);
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const o = row.toJSON();
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
  });
}

/**
 * Starts DuckDB-WASM (timed apart: instantiation is not part of the load), then loads `file`
 * `runs` times into a fresh table `t`, timing each `CREATE TABLE … AS SELECT * FROM read_csv`.
 * The File is registered as a handle read through `FileReaderSync` in DuckDB's worker
 * (BROWSER_FILEREADER): DuckDB reads the bytes itself, as the app's workers do, instead of
 * being handed a copy in its memory before the clock starts.
 */
export async function duckdbLoad(file: File, hints: DuckCsvHints, runs: number) {
  const t0 = performance.now();
  const worker = new Worker(workerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(wasmUrl);
    await db.open({ maximumThreads: 1 });
    const conn = await db.connect();
    // Nothing may be fetched: extensions are not installed or loaded on demand.
    await conn.query('SET autoinstall_known_extensions = false');
    await conn.query('SET autoload_known_extensions = false');
    const version = (await rowsOf(conn, 'SELECT version() AS v'))[0]?.v ?? '?';
    const threads = (await rowsOf(conn, "SELECT current_setting('threads') AS n"))[0]?.n ?? '?';
    const startMs = performance.now() - t0;

    const name = 'bench.csv';
    await db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const sql = `CREATE TABLE t AS SELECT * FROM ${readCsv(name, hints)}`;
    const loads: number[] = [];
    let types: { name: string; type: string }[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const a = performance.now();
      await conn.query(sql);
      loads.push(performance.now() - a);
      if (i === 0) {
        types = (await rowsOf(conn, 'DESCRIBE t')).map((r) => ({
          name: r.column_name ?? '?',
          type: r.column_type ?? '?',
        }));
        rows = Number((await rowsOf(conn, 'SELECT count(*) AS n FROM t'))[0]?.n ?? 0);
      }
      await conn.query('DROP TABLE t');
    }
    await conn.close();
    await db.dropFile(name);
    const sorted = [...loads].sort((a, b) => a - b);
    return {
      version,
      threads,
      sql,
      /** Instantiation: worker, wasm compile, open, connect (not counted in the loads). */
      startMs,
      loads,
      loadMs: sorted[Math.floor((sorted.length - 1) / 2)]!,
      rows,
      types,
    };
  } finally {
    await db.terminate();
  }
}
