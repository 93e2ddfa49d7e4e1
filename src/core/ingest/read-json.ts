import { IngestError } from './ingest-error.ts';
import type { IngestProblem } from './types.ts';

/** Keys of a top-level object that commonly wrap the records (`{"data": [...]}`), in this order. */
const WRAPPER_KEYS = ['data', 'records', 'items', 'rows', 'results'] as const;

/** How many column names a notice (or key names a refusal) lists; the rest are counted. */
export const JSON_LIST_LIMIT = 10;

/**
 * Nesting depth up to which objects are flattened; an object deeper than this is kept as JSON
 * text (this keeps the recursion shallow for pathological files).
 */
const MAX_DEPTH = 32;

/** A JSON record read into named columns of raw text, and what the reader did to get there. */
export interface JsonRecords {
  names: string[];
  rows: string[][];
  /** `json-unwrapped` and `json-flattened` notices, when they apply. */
  problems: IngestProblem[];
}

/** A key path seen in the records: a column of its own and/or the parent of nested ones. */
interface PathNode {
  /** The column name: the keys of the path joined by dots (`client.address.city`). */
  name: string;
  depth: number;
  /** Nested keys, in order of first appearance. */
  children: Map<string, PathNode> | null;
  /** A string, number, boolean or array was seen here. */
  value: boolean;
  /** A null or an empty object was seen here. */
  blank: boolean;
  /** The column index, or -1 when the path has no column of its own. */
  column: number;
}

type JsonObject = Record<string, unknown>;

const isRecord = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads JSON records into column names and rows of raw text cells: strings as they are, numbers
 * and booleans as their JSON text, null/missing as '', arrays as JSON text. The top level is an
 * array of records, or an object holding one under `data`, `records`, `items`, `rows` or
 * `results` (the first of them that holds an array, empty or starting with a record; noted as
 * `json-unwrapped`). Nested objects are flattened into `parent.child` columns, each in place of
 * its parent (noted as `json-flattened`); an empty object is a blank cell under the parent's name
 * (its own column only when the path never holds nested values). Columns are in order of first
 * appearance. Linear in the size of the input.
 */
export function readJsonRecords(text: string): JsonRecords {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String(e))?.[1];
    const line = at === undefined ? 0 : text.slice(0, Number(at)).split('\n').length;
    throw new IngestError('json-invalid', line ? { line } : {}, { cause: e });
  }
  const problems: IngestProblem[] = [];
  let records: unknown[];
  if (Array.isArray(data)) {
    records = data;
  } else if (isRecord(data)) {
    const key = WRAPPER_KEYS.find((k) => {
      const v = data[k];
      return Array.isArray(v) && (v.length === 0 || isRecord(v[0]));
    });
    if (key === undefined) {
      const keys = Object.keys(data);
      throw new IngestError('json-not-array', {
        found: 'object',
        count: keys.length,
        keys: JSON.stringify(keys.slice(0, JSON_LIST_LIMIT)),
      });
    }
    records = data[key] as unknown[];
    problems.push({ code: 'json-unwrapped', detail: { key, count: records.length } });
  } else {
    throw new IngestError('json-not-array', { found: data === null ? 'null' : typeof data });
  }

  // Pass 1: every key path, in order of first appearance under its parent.
  const root: PathNode = newNode('', 0);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    if (!isRecord(rec)) throw new IngestError('json-not-records', { row: i + 1 });
    collectPaths(rec, root);
  }

  // Pass 2: columns, depth first, so a nested object's columns stand where the parent does.
  const names: string[] = [];
  const flattened: string[] = [];
  const assign = (node: PathNode): void => {
    if (node.children) for (const child of node.children.values()) assignNode(child);
  };
  const assignNode = (node: PathNode): void => {
    if (node.value || (node.blank && !node.children?.size)) {
      node.column = names.length;
      names.push(node.name);
      if (node.depth > 1) flattened.push(node.name);
    }
    assign(node);
  };
  assign(root);

  // Pass 3: the cells.
  const rows = records.map((rec) => {
    const row = new Array<string>(names.length).fill('');
    fillRow(rec as JsonObject, root, row);
    return row;
  });

  if (flattened.length > 0) {
    problems.push({
      code: 'json-flattened',
      detail: {
        count: flattened.length,
        columns: JSON.stringify(flattened.slice(0, JSON_LIST_LIMIT)),
      },
    });
  }
  return { names, rows, problems };
}

function newNode(name: string, depth: number): PathNode {
  return { name, depth, children: null, value: false, blank: false, column: -1 };
}

/** Adds the key paths of `obj` (a record or a nested object) under `parent`; false if it has none. */
function collectPaths(obj: JsonObject, parent: PathNode): boolean {
  const children = (parent.children ??= new Map());
  const keys = Object.keys(obj);
  for (const key of keys) {
    let node = children.get(key);
    if (!node) {
      node = newNode(parent.depth === 0 ? key : `${parent.name}.${key}`, parent.depth + 1);
      children.set(key, node);
    }
    const v = obj[key];
    if (v === null || v === undefined) node.blank = true;
    else if (isRecord(v) && node.depth < MAX_DEPTH) {
      if (!collectPaths(v, node)) node.blank = true;
    } else node.value = true;
  }
  return keys.length > 0;
}

/** Writes the cells of `obj` (a record or a nested object) into `row`. */
function fillRow(obj: JsonObject, parent: PathNode, row: string[]): void {
  const children = parent.children!;
  for (const key of Object.keys(obj)) {
    const node = children.get(key)!;
    const v = obj[key];
    if (v === null || v === undefined) continue;
    if (isRecord(v) && node.depth < MAX_DEPTH) fillRow(v, node, row);
    else row[node.column] = typeof v === 'string' ? v : JSON.stringify(v);
  }
}
