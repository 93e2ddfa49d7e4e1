/// <reference lib="webworker" />
import { expose } from 'comlink';
import { getDb } from '../src/data/db.ts';
import { getDataset } from '../src/data/datasets-repo.ts';
import { readAllColumns } from '../src/data/chunks-repo.ts';
import { rowsStamp } from '../src/data/model-datasets.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';
import { termsOf, type Term } from '../src/core/text/tokenize.ts';
import {
  commentsWith,
  frequencyAnalysis,
  type FrequencyResult,
} from '../src/core/text/frequency-analysis.ts';
import { keyText } from '../src/core/index/indicator-values.ts';
import type { PeriodGrain } from '../src/core/index/period-key.ts';
import type { DatasetMeta } from '../src/core/storage/dataset-meta.ts';
import type { Locale } from '../src/core/i18n/locale.ts';
import { getModel } from '../src/data/models-repo.ts';
import { restoreModel } from '../src/core/model/restore-model.ts';
import { barrierCounts, barrierHits, barrierThemes } from '../src/core/text/barrier-match.ts';

/** Which comments to analyse and what else each row tells. */
export interface FrequencyInput {
  datasetId: string;
  /** The column of comments. */
  text: string;
  /** A factor or category column: each complaint's theme. */
  theme?: string | null;
  /** Without a theme column: themes from the barriers of this stored service model. */
  themesFrom?: ThemeModel | null;
  /** A value at risk per row (the client's LTV, revenue). */
  value?: string | null;
  /** A 0–10 score per row (NPS): detractors against promoters. */
  score?: string | null;
  period?: { column: string; grain: PeriodGrain } | null;
  /** Only the rows of one segment. */
  segment?: { column: string; value: string } | null;
  top?: number;
}

/** A frequency analysis, or why there is none. */
export type FrequencyOutput =
  | { ok: true; result: FrequencyResult; segments: string[] }
  | { ok: false; reason: 'dataset-missing' | 'column-missing'; column?: string };

/** Themes from a service model's barriers, named in a language. */
export interface ThemeModel {
  modelId: string;
  locale: Locale;
}

/** Which comments to list: those mentioning a term, of a theme, containing some text. */
export interface CommentsInput {
  datasetId: string;
  text: string;
  term?: string | null;
  /** A theme: a value of a theme column, or a theme from a model's barriers. */
  theme?: { column: string; value: string } | { model: ThemeModel; value: string } | null;
  segment?: { column: string; value: string } | null;
  /** Case-insensitive text the comment must contain. */
  search?: string;
  offset: number;
  limit: number;
}

/** A page of comments with the words to highlight in each. */
export type CommentsOutput =
  | { ok: true; total: number; rows: { row: number; text: string; words: string[] }[] }
  | { ok: false; reason: 'dataset-missing' | 'column-missing'; column?: string };

/** Comments read and tokenised, kept while the dataset's rows stay the same. */
interface Tokenised {
  key: string;
  texts: (string | null)[];
  terms: Term[][];
}
let tokenised: Tokenised | null = null;

/** Rows tokenised between progress reports (and yields to the event loop, for cancel). */
const TOKENISE_STEP = 5_000;

async function termsFor(
  meta: DatasetMeta,
  column: string,
  onProgress?: ProgressFn,
): Promise<Tokenised> {
  const key = JSON.stringify([rowsStamp(meta), column]);
  if (tokenised?.key === key) return tokenised;
  const [values] = await readAllColumns(getDb(), meta, [column]);
  const texts = Array.from(values ?? [], (v) => (typeof v === 'string' ? v : null));
  const terms: Term[][] = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    terms[i] = t ? termsOf(t) : [];
    if ((i + 1) % TOKENISE_STEP === 0) onProgress?.({ done: i + 1, total: texts.length });
  }
  onProgress?.({ done: texts.length, total: texts.length });
  tokenised = { key, texts, terms };
  return tokenised;
}

/** Each comment's theme from a model's barriers (null when the model is gone). */
async function modelThemes(
  from: ThemeModel,
  texts: readonly (string | null)[],
): Promise<(string | null)[] | null> {
  const model = await getModel(getDb(), from.modelId);
  return model ? barrierThemes(model, barrierHits(model, texts), from.locale) : null;
}

/** The columns a call names that the dataset lacks (the first), or null. */
function missingColumn(meta: DatasetMeta, names: (string | null | undefined)[]): string | null {
  for (const n of names) if (n && !meta.columns.some((c) => c.name === n)) return n;
  return null;
}

/** Read the named columns of a dataset by name. */
async function columnsOf(
  meta: DatasetMeta,
  names: (string | null | undefined)[],
): Promise<Map<string, ArrayLike<unknown>>> {
  const wanted = [...new Set(names.filter((n): n is string => !!n))];
  const read = await readAllColumns(getDb(), meta, wanted);
  return new Map(wanted.map((n, k) => [n, read[k]!]));
}

/** Whether each row is in the segment. */
function segmentMask(
  values: ArrayLike<unknown> | undefined,
  value: string | undefined,
): boolean[] | null {
  if (!values || value === undefined) return null;
  return Array.from(values, (v) => keyText(v) === value);
}

const api = {
  /**
   * How many comments of a dataset column name each barrier of a model (the model as being
   * edited), keyed `touchpoint\u0000barrier`: the counts of the barrier matrix.
   */
  async barrierCounts(input: {
    model: unknown;
    datasetId: string;
    text: string;
  }): Promise<BarrierCountsOutput> {
    const meta = await getDataset(getDb(), input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    if (missingColumn(meta, [input.text])) return { ok: false, reason: 'column-missing' };
    const [values] = await readAllColumns(getDb(), meta, [input.text]);
    const texts = Array.from(values ?? [], (v) => (typeof v === 'string' ? v : null));
    const hits = barrierHits(restoreModel(input.model), texts);
    return {
      ok: true,
      counts: Object.fromEntries(barrierCounts(hits)),
      comments: texts.filter((t) => t && t.trim() !== '').length,
    };
  },

  /**
   * The frequency analysis of a dataset's comments: top words and phrases, themes ranked by
   * count and value at risk with their change since the previous period, terms per theme and
   * the terms of detractors. Progress counts comments tokenised (the first time only).
   */
  async frequency(input: FrequencyInput, onProgress?: ProgressFn): Promise<FrequencyOutput> {
    const meta = await getDataset(getDb(), input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const named = [
      input.text,
      input.theme,
      input.value,
      input.score,
      input.period?.column,
      input.segment?.column,
    ];
    const missing = missingColumn(meta, named);
    if (missing) return { ok: false, reason: 'column-missing', column: missing };
    const { texts, terms } = await termsFor(meta, input.text, onProgress);
    const cols = await columnsOf(meta, named.slice(1));
    const get = (n: string | null | undefined) => (n ? (cols.get(n) ?? null) : null);
    const segmentValues = get(input.segment?.column);
    const themes =
      get(input.theme) ?? (input.themesFrom ? await modelThemes(input.themesFrom, texts) : null);
    const result = frequencyAnalysis(
      {
        terms,
        themes,
        values: get(input.value),
        scores: get(input.score),
        dates: get(input.period?.column),
        grain: input.period?.grain ?? 'quarter',
        keep: segmentMask(segmentValues ?? undefined, input.segment?.value),
      },
      input.top ?? 20,
    );
    const segments = segmentValues
      ? [
          ...new Set(Array.from(segmentValues, keyText).filter((v): v is string => v !== null)),
        ].sort(new Intl.Collator(undefined, { numeric: true }).compare)
      : [];
    return { ok: true, result, segments };
  },

  /** A page of the comments that mention a term or have a theme, optionally containing text. */
  async comments(input: CommentsInput): Promise<CommentsOutput> {
    const meta = await getDataset(getDb(), input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const themeColumn = input.theme && 'column' in input.theme ? input.theme.column : null;
    const named = [input.text, themeColumn, input.segment?.column];
    const missing = missingColumn(meta, named);
    if (missing) return { ok: false, reason: 'column-missing', column: missing };
    const { texts, terms } = await termsFor(meta, input.text);
    const cols = await columnsOf(meta, named.slice(1));
    const themes = themeColumn
      ? (cols.get(themeColumn) ?? null)
      : input.theme && 'model' in input.theme
        ? await modelThemes(input.theme.model, texts)
        : null;
    let found = commentsWith(terms, {
      term: input.term ?? null,
      theme: input.theme?.value ?? null,
      themes,
      keep: segmentMask(
        input.segment ? cols.get(input.segment.column) : undefined,
        input.segment?.value,
      ),
    });
    const needle = input.search?.trim().toLocaleLowerCase();
    if (needle) found = found.filter((f) => texts[f.row]!.toLocaleLowerCase().includes(needle));
    const page = found.slice(Math.max(0, input.offset), Math.max(0, input.offset) + input.limit);
    return {
      ok: true,
      total: found.length,
      rows: page.map((f) => ({ row: f.row, text: texts[f.row] ?? '', words: f.words })),
    };
  },
};

/** Complaints per barrier of a model, counted in a dataset's comments. */
export type BarrierCountsOutput =
  | { ok: true; counts: Record<string, number>; comments: number }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' };

/** The text worker's API, as the main thread sees it through the bridge. */
export type Api = typeof api;

expose(api);
