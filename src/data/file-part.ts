import type { CxTraceDb } from './db.ts';
import { writeChunks, type ChunksWritten } from './chunks-repo.ts';
import { decodeText, type TextEncoding } from '../core/ingest/decode-text.ts';
import type { Delimiter } from '../core/ingest/delimiters.ts';
import { IngestError } from '../core/ingest/ingest-error.ts';
import {
  dataRows,
  recordCount,
  splitRecords,
  type RaggedRowPolicy,
} from '../core/ingest/parse-delimited.ts';
import {
  INFERENCE_SAMPLE,
  readColumn,
  sampleForInference,
  type ColumnTally,
} from '../core/ingest/infer-types.ts';
import { encodeColumnChunks } from '../core/ingest/typed-chunks.ts';
import type { ColumnFormat, IngestProblem, TypedValues } from '../core/ingest/types.ts';
import { formatKey } from '../core/ingest/inspect.ts';
import type { ColumnInfo } from '../core/storage/dataset-meta.ts';

/** Which bytes of a file to read, and how (as the file's first part was read). */
export interface PartRequest {
  file: Blob;
  /** Byte range; the part starts at a record boundary. */
  start: number;
  end: number;
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** Fields per record (the header's). */
  width: number;
  ragged?: RaggedRowPolicy;
}

/** What parsing a part found: its rows, problems (record numbers within the part) and a sample. */
export interface PartParsed {
  /** Data rows, records (non-blank) and records of the wrong width. */
  rows: number;
  records: number;
  ragged: number;
  /** Records as the parser split them (blank ones included), to number the next part's. */
  recordCount: number;
  problems: IngestProblem[];
  /** Quotes that do not pair up: the split may be wrong, so the file must be read whole. */
  quoteTrouble: boolean;
  /** Cells of each column spread over the part, for type inference. */
  samples: (string | null)[][];
}

/**
 * A later part of a large delimited file, read apart from the first (in a worker of its own,
 * alongside the one reading the first part): parsed, then its columns read by the formats
 * decided for the whole file, then stored as chunks of the same dataset.
 */
export class FilePart {
  #rows: string[][] = [];
  #reads: { key: string; typed: TypedValues; tally: ColumnTally }[] = [];

  /** Decodes and parses the part. */
  async parse(request: PartRequest): Promise<PartParsed> {
    const bytes = new Uint8Array(
      await request.file.slice(request.start, request.end).arrayBuffer(),
    );
    const { text, replacements } = decodeText(bytes, request.encoding);
    let split: ReturnType<typeof splitRecords>;
    try {
      split = splitRecords(text, request.delimiter);
    } catch (e) {
      if (e instanceof IngestError && e.code === 'unterminated-quote') {
        return {
          rows: 0,
          records: 0,
          ragged: 0,
          recordCount: 0,
          problems: [],
          quoteTrouble: true,
          samples: [],
        };
      }
      throw e;
    }
    const data = dataRows(split.records, 0, request.width, request.ragged);
    this.#rows = data.rows;
    this.#reads = [];
    const problems: IngestProblem[] = [...split.problems, ...data.problems];
    if (replacements > 0) {
      problems.push({
        code: 'replacement-chars',
        detail: { count: replacements, encoding: request.encoding },
      });
    }
    const samples = Array.from({ length: request.width }, (_, column) => [
      ...sampleForInference({ rows: this.#rows, column }, INFERENCE_SAMPLE / 2),
    ]);
    return {
      rows: data.rows.length,
      records: data.records,
      ragged: data.ragged,
      recordCount: recordCount(split.records, text),
      problems,
      quoteTrouble: split.problems.some((p) => p.code === 'stray-quote'),
      samples,
    };
  }

  /**
   * Reads every column by its format, keeping the typed values to store; their tallies. A column
   * read before with the same format is not read again.
   */
  read(names: readonly string[], formats: readonly ColumnFormat[]): ColumnTally[] {
    return formats.map((format, column) => {
      const key = formatKey(format);
      const known = this.#reads[column];
      if (known?.key === key) return known.tally;
      const { typed, tally } = readColumn(names[column]!, { rows: this.#rows, column }, { format });
      this.#reads[column] = { key, typed: typed!, tally };
      return tally;
    });
  }

  /**
   * Encodes the part's rows as chunks numbered from `firstIndex` and writes them under `owner`
   * (not yet part of any dataset: the first part's worker commits), reporting rows written.
   */
  async store(
    db: CxTraceDb,
    owner: string,
    columns: readonly ColumnInfo[],
    firstIndex: number,
    onRows: (rows: number) => void = () => undefined,
  ): Promise<ChunksWritten> {
    const values = columns.map((_, k) => {
      const read = this.#reads[k];
      if (!read) throw new Error(`Column ${k} of this part was not read`);
      return read.typed;
    });
    const chunks = encodeColumnChunks(columns, values, undefined, firstIndex);
    return writeChunks(db, owner, chunks, (w) => onRows(w.rows));
  }
}
