/**
 * What a cell asks a worker for, as data: a cell kind declares its request as a pure function of
 * its settings (`<kind>CellQuery` in `cell-data/`), with the inputs the answer reads. The request
 * keys the stored result; the inputs' versions (each dataset's generation, each model's revision,
 * each source cell's result) tell whether a stored result still holds.
 */

/** The workers that answer cells. */
export type CellWorker = 'analysis' | 'text' | 'drivers' | 'transform';

/** What an answer reads: stored datasets and models by id, and other cells' results. */
export interface CellInputs {
  datasets: string[];
  models: string[];
  /** Ids of the cells whose results it reads (a hand-off's source; see `sourceVersion`). */
  cells: string[];
}

/** A cell's request: which worker, which call, its input (structured-clonable) and its inputs. */
export interface CellRequest {
  worker: CellWorker;
  method: string;
  input: unknown;
  reads: CellInputs;
}

/**
 * The versions of an answer's inputs when it was computed: a dataset's generation (null when it
 * is gone), a model's revision (null when gone), a source cell's result key (null when none).
 */
export interface InputVersions {
  datasets: Record<string, number | null>;
  models: Record<string, number | null>;
  cells: Record<string, string | null>;
}

/** JSON with object keys sorted, so that equal requests give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  });
}

/** Two independent 32-bit FNV-1a-style hashes of a text, as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** The key of a request's stored result: its worker, call and a hash of its input. */
export function requestKey(request: Pick<CellRequest, 'worker' | 'method' | 'input'>): string {
  return `${request.worker}:${request.method}:${hash64(stableJson(request.input))}`;
}

/**
 * The version of a stored result as the cells that read it record it: its key and when it was
 * computed (a re-run on refreshed data keeps the key but not the time).
 */
export function sourceVersion(result: { key: string; createdAt: number }): string {
  return `${result.key}@${result.createdAt}`;
}

/** The key of the result a source version names (see `sourceVersion`). */
export function sourceKey(version: string): string {
  const at = version.lastIndexOf('@');
  return at < 0 ? version : version.slice(0, at);
}

/** Why a stored result no longer holds. */
export type StaleReason =
  | { kind: 'dataset-refreshed' | 'dataset-deleted'; id: string }
  | { kind: 'model-edited' | 'model-deleted'; id: string }
  | { kind: 'source-changed'; id: string };

/** What changed between the versions an answer read and the current ones; empty when current. */
export function staleReasons(stored: InputVersions, current: InputVersions): StaleReason[] {
  const out: StaleReason[] = [];
  for (const [id, was] of Object.entries(stored.datasets)) {
    const now = current.datasets[id] ?? null;
    if (now === null && was !== null) out.push({ kind: 'dataset-deleted', id });
    else if (now !== was) out.push({ kind: 'dataset-refreshed', id });
  }
  for (const [id, was] of Object.entries(stored.models)) {
    const now = current.models[id] ?? null;
    if (now === null && was !== null) out.push({ kind: 'model-deleted', id });
    else if (now !== was) out.push({ kind: 'model-edited', id });
  }
  for (const [id, was] of Object.entries(stored.cells)) {
    if ((current.cells[id] ?? null) !== was) out.push({ kind: 'source-changed', id });
  }
  return out;
}
