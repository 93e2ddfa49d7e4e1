import type { ChunksWritten } from './chunks-repo.ts';
import type { StoreInput } from './import-dataset.ts';
import { encodeColumnChunks } from '../core/ingest/typed-chunks.ts';
import { CHUNK_ROWS } from '../core/storage/column-chunk.ts';
import type { PartParsed, PartRequest } from './file-part.ts';
import {
  delimitedEncoding,
  readSource,
  type SourceOptions,
  type SourceTable,
} from '../core/ingest/read-source.ts';
import { cutAfter, MIN_SPLIT_BYTES, splitPoint } from '../core/ingest/split-point.ts';
import { mergePartProblems, raggedCount } from '../core/ingest/part-problems.ts';
import { IngestError } from '../core/ingest/ingest-error.ts';
import {
  INFERENCE_SAMPLE,
  inferFormat,
  profileFromTallies,
  sampleForInference,
  type ColumnTally,
} from '../core/ingest/infer-types.ts';
import {
  inspectReport,
  profileTable,
  type ColumnMemo,
  type InspectReport,
} from '../core/ingest/inspect.ts';
import type { ColumnFormat, TypedValues } from '../core/ingest/types.ts';
import type { ColumnInfo } from '../core/storage/dataset-meta.ts';

/**
 * The reader of a large file's later part: a `FilePart` in a worker of its own, so that both
 * parts are parsed, read and stored at the same time (or the same object in-process, in tests).
 */
export interface PartReader {
  parse(request: PartRequest): Promise<PartParsed>;
  read(names: string[], formats: ColumnFormat[]): Promise<ColumnTally[]>;
  store(
    owner: string,
    columns: ColumnInfo[],
    firstIndex: number,
    onRows: (rows: number) => void,
  ): Promise<ChunksWritten>;
  /** Resolves once the reader (its worker) has started and can take work. */
  ready(): Promise<void>;
  /** Stops the reader (its worker); it cannot be used after. */
  close(): void;
}

/** A file read for import: its first part (the whole file when small) and its later part. */
export interface FileSource {
  /** The first part; its problems include the later part's, numbered as in the whole file. */
  table: SourceTable;
  later: {
    reader: PartReader;
    rows: number;
    /** Cells of each column spread over the later part, for type inference. */
    samples: (string | null)[][];
  } | null;
  /** Formats inferred from both parts' samples, by column (worked out once). */
  inferred?: ColumnFormat[];
}

/**
 * The share of a large file's bytes read by this worker: a little under half, as it also reads
 * the head, infers the types and commits, while the other worker starts.
 */
const FIRST_SHARE = 0.45;

/** Bytes past its share this worker reads, to find a record boundary to cut at. */
const CUT_MARGIN = 4 * 1024 * 1024;

/** Bytes at the start of a file read to decide the delimiter and header before the split. */
const HEAD_BYTES = 1024 * 1024;

/**
 * Reads a file for import. A large delimited file is read in two parts at the same time: this
 * worker reads the first (which has the header), a `PartReader` the rest, cut at a record
 * boundary; anything that makes the cut doubtful (quotes that do not pair up, a part that cannot
 * be read, a different delimiter or width) reads the file whole instead, so the result is what
 * `readSource` gives either way.
 */
export async function readFileSource(
  file: Blob,
  fileName: string,
  options: SourceOptions,
  startReader: () => PartReader,
  minSplitBytes = MIN_SPLIT_BYTES,
): Promise<FileSource> {
  // Started first: a worker's start needs this worker's thread free for a moment, which it is
  // not once the first part is being parsed.
  const reader = file.size >= minSplitBytes ? startReader() : null;
  // This worker reads only its own part (and a margin to find where to cut): the part worker
  // reads the rest while this one parses.
  const prefixEnd = reader
    ? Math.min(file.size, Math.floor(file.size * FIRST_SHARE) + CUT_MARGIN)
    : file.size;
  const bytes = new Uint8Array(await file.slice(0, prefixEnd).arrayBuffer());
  // Read whole after all (no cut, or not delimited text): only the rest of the file is read.
  const allBytes = async (): Promise<Uint8Array> => {
    if (prefixEnd === file.size) return bytes;
    const all = new Uint8Array(file.size);
    all.set(bytes);
    all.set(new Uint8Array(await file.slice(prefixEnd).arrayBuffer()), prefixEnd);
    return all;
  };
  const whole = async (): Promise<FileSource> => ({
    table: await readSource(await allBytes(), fileName, options),
    later: null,
  });
  const giveUp = () => {
    reader?.close();
    return whole();
  };
  const encoding = delimitedEncoding(bytes, fileName, options);
  const at =
    encoding === null ? null : cutAfter(bytes, encoding, Math.floor(file.size * FIRST_SHARE));
  if (!reader || encoding === null || at === null) return giveUp();

  // The head decides the delimiter and the header, as reading the first part then does.
  const headEnd = splitPoint(bytes.subarray(0, Math.min(at, 2 * HEAD_BYTES)), encoding, 0) ?? at;
  let head: SourceTable;
  try {
    head = await readSource(bytes.subarray(0, headEnd), fileName, options);
    await reader.ready();
  } catch {
    return giveUp();
  }
  if (head.kind !== 'csv' || head.delimiter === null) return giveUp();

  const laterParse = reader.parse({
    file,
    start: at,
    end: file.size,
    encoding,
    delimiter: head.delimiter,
    width: head.names.length,
    ...(options.ragged ? { ragged: options.ragged } : {}),
  });
  laterParse.catch(() => undefined);
  let first: SourceTable;
  let later: PartParsed;
  try {
    first = await readSource(bytes.subarray(0, at), fileName, { ...options, encoding });
    later = await laterParse;
  } catch (e) {
    if (e instanceof IngestError) return giveUp();
    reader.close();
    throw e;
  }
  if (
    later.quoteTrouble ||
    first.problems.some((p) => p.code === 'stray-quote') ||
    first.delimiter !== head.delimiter ||
    first.names.length !== head.names.length
  ) {
    return giveUp();
  }
  const raggedFirst = raggedCount(first.problems);
  const records = first.rows.length + (options.ragged === 'skip' ? raggedFirst : 0) + later.records;
  const ragged = raggedFirst + later.ragged;
  if (ragged / Math.max(1, records) > 0.5) {
    reader.close();
    throw new IngestError('no-structure', { ragged, rows: records });
  }
  return {
    table: {
      ...first,
      problems: mergePartProblems(first.problems, later.problems, first.recordCount ?? 0),
    },
    later: { reader, rows: later.rows, samples: later.samples },
  };
}

/** Data rows of all parts of a file. */
export function sourceRows(source: FileSource): number {
  return source.table.rows.length + (source.later?.rows ?? 0);
}

/**
 * Profiles a file read by `readFileSource` as `profileTable` does a table, with the formats in
 * `formats` and the others inferred from samples of every part; both parts' columns are read at
 * the same time and their tallies merged. `collect` receives the first part's typed values (the
 * later part keeps its own, to store them); `onColumn` hears of the work done on the first part,
 * in columns' worth.
 */
export async function profileSource(
  source: FileSource,
  formats: Readonly<Record<string, ColumnFormat>>,
  memo: ColumnMemo,
  collect?: TypedValues[],
  onColumn?: (done: number, total: number) => void,
): Promise<InspectReport> {
  const { table, later } = source;
  if (!later) return profileTable(table, formats, collect, memo, onColumn);
  source.inferred ??= table.names.map((name, i) =>
    inferFormat(
      [
        ...sampleForInference({ rows: table.rows, column: i }, INFERENCE_SAMPLE / 2),
        ...later.samples[i]!,
      ],
      { header: name, decimal: table.decimal },
    ),
  );
  const chosen = table.names.map((name, i) => formats[name] ?? source.inferred![i]!);
  const laterTallies = later.reader.read(table.names, chosen);
  laterTallies.catch(() => undefined);
  const firstReads = memo.readAll(table, chosen, onColumn);
  const tallies = await laterTallies;
  if (collect) firstReads.forEach((r, i) => (collect[i] = r.typed!));
  const columns = chosen.map((format, i) =>
    profileFromTallies(table.names[i]!, format, [firstReads[i]!.tally, tallies[i]!]),
  );
  return inspectReport(table, columns, sourceRows(source));
}

/**
 * How a read file's typed rows are stored: this worker encodes its own part's rows in chunks, and
 * the part worker, when the file was read in two, stores the rest alongside (see `storeDataset`).
 */
export function sourceChunks(
  source: FileSource,
  columns: ColumnInfo[],
  typed: TypedValues[],
): Pick<StoreInput, 'chunks' | 'alongside'> {
  const later = source.later;
  return {
    chunks: (first) => encodeColumnChunks(columns, typed, undefined, first),
    ...(later
      ? {
          alongside: {
            chunkOffset: Math.ceil(source.table.rows.length / CHUNK_ROWS),
            write: (owner: string, first: number, onRows: (rows: number) => void) =>
              later.reader.store(owner, columns, first, onRows),
          },
        }
      : {}),
  };
}
