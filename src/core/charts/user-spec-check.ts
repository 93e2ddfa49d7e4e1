/**
 * The check of a Vega-Lite spec an expert wrote by hand. A chart in CX Trace draws only
 * datasets stored in this browser and reaches nothing outside it, so a spec is refused when it
 * could load or link an address (data `url`, `href`/`url` channels, image marks, a loader), carry
 * hidden metadata (`usermeta`), name a dataset the workspace does not hold, or inline or name
 * more rows than a chart may draw. What passes is compiled by Vega-Lite to be sure it draws.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import type { UserSpecProblem } from './user-spec-problem.ts';

/** A workspace dataset a spec may name in `data: { name }`. */
export interface SpecDataset {
  id: string;
  name: string;
  rowCount: number;
}

/** The outcome of `checkUserSpec`. */
export type UserSpecCheck =
  | {
      ok: true;
      spec: TopLevelSpec;
      /** The first workspace dataset the spec names (null: it inlines its values). */
      dataset: { id: string; name: string } | null;
      /** Every workspace dataset it names, in the order met. */
      datasets: { id: string; name: string }[];
      /** Vega-Lite's warnings while compiling (the spec draws, perhaps not as meant). */
      warnings: string[];
    }
  | { ok: false; problems: UserSpecProblem[] };

/** Nesting deeper than this is refused (a real spec is nowhere near). */
const MAX_DEPTH = 64;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `path` extended by an object key: `a.b`, or `a["odd key"]`. */
function keyPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** What the walk over a spec collects. */
interface Walk {
  problems: UserSpecProblem[];
  /** `data: { name }` references met: the name and where. */
  names: { name: string; path: string }[];
  maxRows: number;
}

/** The rows of inline `values`: an array's length, or the lines of inline text. */
function inlineRows(values: unknown): number {
  if (Array.isArray(values)) return values.length;
  if (typeof values === 'string') return values.split('\n').filter((l) => l.trim() !== '').length;
  return 0;
}

/** Checks a `data` object: no address, a name to resolve later, inline values within bounds. */
function checkData(data: unknown, path: string, walk: Walk): void {
  if (!isObject(data)) return;
  // Inline values with a name are the spec's own rows, named for later changes.
  if (typeof data.name === 'string' && data.values === undefined)
    walk.names.push({ name: data.name, path: keyPath(path, 'name') });
  const rows = inlineRows(data.values);
  if (rows > walk.maxRows) {
    walk.problems.push({
      code: 'too-many-rows',
      path: keyPath(path, 'values'),
      detail: String(rows),
    });
  }
}

/** Checks the top-level `datasets`: inline values within bounds. */
function checkDatasets(datasets: unknown, path: string, walk: Walk): void {
  if (!isObject(datasets)) return;
  for (const [name, values] of Object.entries(datasets)) {
    const rows = inlineRows(values);
    if (rows > walk.maxRows) {
      walk.problems.push({
        code: 'too-many-rows',
        path: keyPath(path, name),
        detail: String(rows),
      });
    }
  }
}

/** The marks Vega-Lite draws (composite ones included). */
const MARKS = new Set([
  'arc',
  'area',
  'bar',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'text',
  'tick',
  'trail',
  'circle',
  'square',
  'geoshape',
  'boxplot',
  'errorbar',
  'errorband',
]);

/** A `mark` value's type: the string, or an object's `type` (none for mark properties). */
const markType = (mark: unknown): string | null =>
  typeof mark === 'string'
    ? mark
    : isObject(mark) && typeof mark.type === 'string'
      ? mark.type
      : null;

/**
 * The problem a key raises, if any. Under data only an address counts (`data-url`): the rest
 * are inline rows' fields, which neither load nor link.
 */
function keyProblem(key: string, value: unknown, inData: boolean): UserSpecProblem['code'] | null {
  // Under data an address to load; anywhere else (an encoding channel, a mark's property) a link.
  if (key === 'url') return inData ? 'data-url' : 'href';
  if (inData) return null;
  if (key === 'usermeta') return 'usermeta';
  if (key === 'loader') return 'loader';
  if (key === 'href') return 'href';
  if (key === 'mark' && markType(value) === 'image') return 'image-mark';
  return null;
}

/** An unknown mark type, which Vega-Lite would fail on without saying so. */
function markProblem(key: string, value: unknown, inData: boolean): string | null {
  if (inData || key !== 'mark') return null;
  const type = markType(value);
  return type !== null && !MARKS.has(type) ? `unknown mark type "${type}"` : null;
}

/**
 * Walks every key of `node`, at any depth (layers, concatenations, facets, lookups…), noting
 * the problems of each key and the data references. `inData`: under a `data`/`datasets`
 * object (inline rows included: a `url` key there is refused too).
 */
function walkNode(node: unknown, path: string, depth: number, walk: Walk, inData: boolean) {
  if (depth > MAX_DEPTH) {
    walk.problems.push({ code: 'invalid', path, detail: `nested deeper than ${MAX_DEPTH}` });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkNode(item, `${path}[${i}]`, depth + 1, walk, inData));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const here = keyPath(path, key);
    const code = keyProblem(key, value, inData);
    if (code) walk.problems.push({ code, path: here });
    const unknownMark = markProblem(key, value, inData);
    if (unknownMark) walk.problems.push({ code: 'invalid', path: here, detail: unknownMark });
    const data = key === 'data' || key === 'datasets';
    if (key === 'data' && !inData) checkData(value, here, walk);
    if (key === 'datasets' && !inData && path === '') checkDatasets(value, here, walk);
    walkNode(value, here, depth + 1, walk, inData || data);
  }
}

/** A quiet logger for the compiler: warnings kept, errors kept to refuse the spec. */
function collectingLogger(warnings: string[], errors: string[]) {
  let level = 0;
  const text = (args: unknown[]) => args.map(String).join(' ');
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(text(args));
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** Compiles `spec` with Vega-Lite: its errors as `invalid` problems, its warnings kept. */
function compileCheck(spec: TopLevelSpec, warnings: string[]): UserSpecProblem[] {
  const errors: string[] = [];
  try {
    compile(spec, { logger: collectingLogger(warnings, errors) });
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  return errors.map((detail) => ({ code: 'invalid', path: '', detail }));
}

/**
 * Checks a hand-written Vega-Lite spec (parsed JSON) against the workspace's `datasets`: refused
 * (with every problem and its JSON path) for a data `url` anywhere under `data`/`datasets`, an
 * image mark, an `href` or `url` channel or property, a `loader`, a `usermeta`, a `data.name`
 * that is no workspace dataset (nor one of the spec's own `datasets`), a named dataset or inline
 * values of more than `maxRows` rows, or a spec Vega-Lite cannot compile. A spec that passes
 * is returned as a copy, with the workspace dataset it names.
 */
export function checkUserSpec(
  raw: unknown,
  datasets: readonly SpecDataset[],
  maxRows = 5000,
): UserSpecCheck {
  if (!isObject(raw)) return { ok: false, problems: [{ code: 'not-object', path: '' }] };
  const walk: Walk = { problems: [], names: [], maxRows };
  walkNode(raw, '', 0, walk, false);
  const own = isObject(raw.datasets) ? Object.keys(raw.datasets) : [];
  const used: SpecDataset[] = [];
  for (const { name, path } of walk.names) {
    if (own.includes(name)) continue;
    const found = datasets.find((d) => d.name === name);
    if (!found) walk.problems.push({ code: 'unknown-dataset', path, detail: name });
    else if (found.rowCount > maxRows) {
      walk.problems.push({ code: 'too-many-rows', path, detail: String(found.rowCount) });
    } else if (!used.includes(found)) used.push(found);
  }
  if (walk.problems.length > 0) return { ok: false, problems: walk.problems };
  const spec = structuredClone(raw) as unknown as TopLevelSpec;
  const warnings: string[] = [];
  const problems = compileCheck(structuredClone(spec), warnings);
  if (problems.length > 0) return { ok: false, problems };
  const refs = used.map(({ id, name }) => ({ id, name }));
  return { ok: true, spec, dataset: refs[0] ?? null, datasets: refs, warnings };
}
