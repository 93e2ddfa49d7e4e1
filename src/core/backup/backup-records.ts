/**
 * What a backup holds, record by record (inside its envelope, see `backup-envelope.ts`): a
 * header, the settings, models, notebooks and stored cell results, then each dataset — its
 * metadata, its stored chunks as they are, and a closing record with its SHA-256 — and an end
 * record with the counts. Each record is `u8 kind`, `u32` length and UTF-8 JSON (typed arrays
 * tagged), then `u32` length and raw bytes (a chunk's; empty for the others).
 */
import { typedJsonReplacer, typedJsonReviver } from '../storage/typed-json.ts';
import { BackupError } from './backup-envelope.ts';

/** The header record's `format`. */
export const BACKUP_FORMAT = 'cx-trace-backup';

/** The kinds of record, by their code. */
export const RECORD_KINDS = {
  header: 1,
  setting: 2,
  model: 3,
  notebook: 4,
  result: 5,
  dataset: 6,
  chunk: 7,
  datasetEnd: 8,
  end: 9,
} as const;

/** A record's kind. */
export type RecordKind = keyof typeof RECORD_KINDS;

/** What the end record counts, to check a restore against. */
export interface BackupCounts {
  settings: number;
  models: number;
  notebooks: number;
  results: number;
  datasets: number;
  chunks: number;
}

/** Counts of nothing yet. */
export function noCounts(): BackupCounts {
  return { settings: 0, models: 0, notebooks: 0, results: 0, datasets: 0, chunks: 0 };
}

/** One record: its kind, its JSON value, and its bytes (a chunk's). */
export interface BackupRecord {
  kind: RecordKind;
  value: unknown;
  bytes: Uint8Array;
}

const KIND_OF = new Map(Object.entries(RECORD_KINDS).map(([k, v]) => [v, k as RecordKind]));
const NO_BYTES = new Uint8Array(0);

/** The bytes of one record. */
export function encodeRecord(
  kind: RecordKind,
  value: unknown,
  bytes: Uint8Array = NO_BYTES,
): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(value, typedJsonReplacer));
  const out = new Uint8Array(9 + json.length + bytes.length);
  const view = new DataView(out.buffer);
  out[0] = RECORD_KINDS[kind];
  view.setUint32(1, json.length);
  out.set(json, 5);
  view.setUint32(5 + json.length, bytes.length);
  out.set(bytes, 9 + json.length);
  return out;
}

/** A stream that reads records from a backup's opened bytes (errors with `BackupError`). */
export function readRecords(): TransformStream<Uint8Array, BackupRecord> {
  let buffer = new Uint8Array(0);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new TransformStream({
    transform(bytes, controller) {
      const joined = new Uint8Array(buffer.length + bytes.length);
      joined.set(buffer, 0);
      joined.set(bytes, buffer.length);
      let at = 0;
      const view = new DataView(joined.buffer);
      for (;;) {
        if (joined.length - at < 5) break;
        const jsonLength = view.getUint32(at + 1);
        if (joined.length - at < 9 + jsonLength) break;
        const binLength = view.getUint32(at + 5 + jsonLength);
        const end = at + 9 + jsonLength + binLength;
        if (joined.length < end) break;
        const kind = KIND_OF.get(joined[at]! as never);
        if (!kind) throw new BackupError('damaged');
        let value: unknown;
        try {
          value = JSON.parse(
            decoder.decode(joined.subarray(at + 5, at + 5 + jsonLength)),
            typedJsonReviver,
          );
        } catch {
          throw new BackupError('damaged');
        }
        controller.enqueue({ kind, value, bytes: joined.slice(at + 9 + jsonLength, end) });
        at = end;
      }
      buffer = joined.slice(at);
    },
    flush() {
      if (buffer.length > 0) throw new BackupError('truncated');
    },
  });
}
