/// <reference lib="webworker" />
import { reportWorkerRequests } from '../src/data/request-log.ts';
import { lockDownNetwork, probeNetwork } from './network-lockdown.ts';
import { expose } from 'comlink';
import { getDb } from '../src/data/db.ts';
import { getDataset, listDatasets } from '../src/data/datasets-repo.ts';
import { cardJoin, valuesByClient } from '../src/core/model/card-values.ts';
import { readAllColumns } from '../src/data/chunks-repo.ts';
import { rowsStamp } from '../src/data/model-datasets.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';
import { termsOfEach, type Term } from '../src/core/text/tokenize.ts';
import { clientGroups } from '../src/core/text/client-profiles.ts';
import { defaultName } from '../src/core/text/cluster-edits.ts';
import { clusterComments } from '../src/core/text/cluster-comments.ts';
import { commentsWith, frequencyAnalysis } from '../src/core/text/frequency-analysis.ts';
import { keyText } from '../src/core/index/indicator-values.ts';
import type { DatasetMeta } from '../src/core/storage/dataset-meta.ts';
import { getModel } from '../src/data/models-repo.ts';
import { restoreModel } from '../src/core/model/restore-model.ts';
import { barrierCounts, barrierHits, barrierThemes } from '../src/core/text/barrier-match.ts';
import {
  DEFAULT_POPULATION,
  appliedPopulation,
  countComments,
  populationMask,
  scoreScaleOf,
  type CommentPopulation,
  type PopulationFilter,
} from '../src/core/text/complaint-population.ts';
import type {
  FrequencyInput,
  FrequencyOutput,
  ThemeModel,
  CommentsInput,
  CommentsOutput,
  ClustersInput,
  ClustersOutput,
  BarrierCountsInput,
  BarrierCountsOutput,
  FrequencyCellResult,
  ClustersCellResult,
} from '../src/core/worker-api/text-api.ts';
import { cellAnswerer, type CellMethod } from '../src/data/cell-answerer.ts';

/** Comments read and tokenised, kept while the dataset's rows stay the same. */
interface Tokenised {
  key: string;
  texts: (string | null)[];
  terms: Term[][];
}
let tokenised: Tokenised | null = null;

async function termsFor(
  meta: DatasetMeta,
  column: string,
  onProgress?: ProgressFn,
): Promise<Tokenised> {
  const key = JSON.stringify([rowsStamp(meta), column]);
  if (tokenised?.key === key) return tokenised;
  const [values] = await readAllColumns(getDb(), meta, [column]);
  const texts = Array.from(values ?? [], (v) => (typeof v === 'string' ? v : null));
  const terms = termsOfEach(texts, (done) => onProgress?.({ done, total: texts.length }));
  onProgress?.({ done: texts.length, total: texts.length });
  tokenised = { key, texts, terms };
  return tokenised;
}

/** Each comment's theme from a model's barriers (null when the model is gone). */
async function modelThemes(
  from: ThemeModel,
  texts: readonly (string | null)[],
): Promise<string[][] | null> {
  const model = await getModel(getDb(), from.modelId);
  return model ? barrierThemes(model, barrierHits(model, texts), from.locale) : null;
}

/** Themes from the comments' own clusters, kept while the comments stay the same. */
let clusterThemeCache: { source: string; themes: (string | null)[] } | null = null;

/** Each comment's theme: the default name of its cluster (k by silhouette, seed 1). */
function clusterThemes(source: string, t: Tokenised): (string | null)[] {
  if (clusterThemeCache?.source === source) return clusterThemeCache.themes;
  const result = clusterComments(t.texts, { k: 'auto', seed: 1, mapPoints: 0 }, t.terms);
  const names = result.clusters.map((c) => defaultName(c));
  const themes = result.assignments.map((a) => (a >= 0 ? (names[a] ?? null) : null));
  clusterThemeCache = { source, themes };
  return themes;
}

/** Themes of the comments as an input asks: a model's barriers or the comments' clusters. */
async function derivedThemes(
  from: ThemeModel | { clusters: true },
  meta: DatasetMeta,
  column: string,
  t: Tokenised,
): Promise<(string | null)[] | string[][] | null> {
  return 'clusters' in from
    ? clusterThemes(JSON.stringify([rowsStamp(meta), column]), t)
    : modelThemes(from, t.texts);
}

/**
 * Each row's value from a model's client card, by the row's client; null when the model is
 * gone, has no card this dataset reaches, or the card lacks the column.
 */
async function cardValues(
  from: { modelId: string; column: string },
  meta: DatasetMeta,
): Promise<Float64Array | null> {
  const db = getDb();
  const model = await getModel(db, from.modelId);
  const join = model ? cardJoin(model, await listDatasets(db), meta) : null;
  if (!join || !join.card.columns.some((c) => c.name === from.column)) return null;
  const [keys, values] = await readAllColumns(db, join.card, [join.key, from.column]);
  const [clients] = await readAllColumns(db, meta, [join.client]);
  return valuesByClient(clients ?? [], keys ?? [], values ?? []);
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
  if (wanted.length === 0) return new Map();
  const read = await readAllColumns(getDb(), meta, wanted);
  return new Map(wanted.map((n, k) => [n, read[k]!]));
}

/**
 * The population filter of a dataset's rows (shared by the frequency, its comments and the
 * barrier matrix): the score column's values and scale (by the column's role), the segment.
 */
function populationFilter(
  meta: DatasetMeta,
  population: CommentPopulation | undefined,
  score: string | null,
  scores: ArrayLike<unknown> | null,
  keep: ArrayLike<boolean> | null,
): PopulationFilter {
  const role = meta.columns.find((c) => c.name === score)?.role;
  return {
    population: population ?? DEFAULT_POPULATION,
    scores,
    scale: scores ? scoreScaleOf(role, scores) : null,
    keep,
  };
}

/** Whether each row is in the segment. */
function segmentMask(
  values: ArrayLike<unknown> | undefined,
  value: string | undefined,
): boolean[] | null {
  if (!values || value === undefined) return null;
  return Array.from(values, (v) => keyText(v) === value);
}

/** What a cluster's comments hold: NPS counts, segment mix, clients. */
interface ClusterMembers {
  counts: { p: number; d: number; n: number };
  mix: Map<string, number>;
  clients: Set<string>;
  size: number;
}

/** Each cluster's members summed up, in one pass over the comments (row order within each). */
function clusterMembers(
  k: number,
  assignments: readonly number[],
  scores: ArrayLike<unknown> | undefined,
  segments: ArrayLike<unknown> | undefined,
  clientIds: ArrayLike<unknown> | undefined,
): ClusterMembers[] {
  const out = Array.from({ length: k }, () => ({
    counts: { p: 0, d: 0, n: 0 },
    mix: new Map<string, number>(),
    clients: new Set<string>(),
    size: 0,
  }));
  for (let row = 0; row < assignments.length; row++) {
    const m = out[assignments[row]!];
    if (!m) continue;
    m.size++;
    const client = clientIds ? keyText(clientIds[row]) : null;
    if (client !== null) m.clients.add(client);
    const s = scores?.[row];
    if (typeof s === 'number' && Number.isInteger(s) && s >= 0 && s <= 10) {
      m.counts.n++;
      if (s >= 9) m.counts.p++;
      else if (s <= 6) m.counts.d++;
    }
    const g = segments ? keyText(segments[row]) : null;
    if (g !== null) m.mix.set(g, (m.mix.get(g) ?? 0) + 1);
  }
  return out;
}

const api = {
  /** Which network APIs this worker refuses (all of them; see `network-lockdown.ts`). */
  networkProbe: () => probeNetwork(),
  /**
   * Comments clustered by what they say (k given or chosen by silhouette), each cluster with
   * its top terms, typical comments, NPS and segment mix, and a 2-D map of the comments.
   * Progress: comments tokenised, then the clustering's share done (of 1,000).
   */
  async clusters(input: ClustersInput, onProgress?: ProgressFn): Promise<ClustersOutput> {
    const meta = await getDataset(getDb(), input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const named = [input.text, input.score, input.segment, input.client];
    const missing = missingColumn(meta, named);
    if (missing) return { ok: false, reason: 'column-missing', column: missing };
    const { texts, terms } = await termsFor(meta, input.text, (p) =>
      onProgress?.({ ...p, step: 'terms' }),
    );
    if (!terms.some((t) => t.length > 0)) return { ok: false, reason: 'no-words' };
    const cols = await columnsOf(meta, named.slice(1));
    const result = clusterComments(
      texts,
      {
        k: input.k,
        seed: input.seed ?? 1,
        onProgress: (share, stage) =>
          onProgress?.({ done: Math.round(share * 1000), total: 1000, step: stage }),
      },
      terms,
    );
    lastClusters = {
      key: clusteringKey(meta, input.text, input.k, input.seed ?? 1),
      assignments: result.assignments,
    };
    const scores = input.score ? cols.get(input.score) : undefined;
    const segments = input.segment ? cols.get(input.segment) : undefined;
    if (result.k === 0) return { ok: false, reason: 'no-words' };
    const signatures = new Map<string, number>();
    const clientIds = input.client ? cols.get(input.client) : undefined;
    const members = clusterMembers(result.k, result.assignments, scores, segments, clientIds);
    const clusters = result.clusters.map((c) => {
      const { counts, mix, clients, size } = members[c.id]!;
      return {
        ...c,
        signature: uniqueSignature(
          c.terms
            .slice(0, 3)
            .map((t) => t.term)
            .join(' | '),
          signatures,
        ),
        nps: counts.n > 0 ? (100 * (counts.p - counts.d)) / counts.n : null,
        npsN: counts.n,
        segments: [...mix.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([key, n]) => ({ key, share: n / size })),
        clients: [...clients].sort(),
      };
    });
    return {
      ok: true,
      k: result.k,
      silhouette: result.silhouette,
      tried: result.tried,
      kAtLimit: result.kAtLimit,
      clusters,
      map: result.map,
      comments: result.assignments.filter((a) => a >= 0).length,
      clientGroups: input.client
        ? clientGroups(cols.get(input.client) ?? [], result.assignments, result.k, {
            seed: input.seed ?? 1,
            scores: scores ?? null,
            segments: segments ?? null,
          })
        : null,
    };
  },

  /**
   * How many comments of a dataset column name each barrier of a model (the model as being
   * edited), keyed `touchpoint\u0000barrier`: the counts of the barrier matrix.
   */
  async barrierCounts(input: BarrierCountsInput): Promise<BarrierCountsOutput> {
    const meta = await getDataset(getDb(), input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    if (missingColumn(meta, [input.text])) return { ok: false, reason: 'column-missing' };
    // The complaints by the survey's score: its NPS column, else its CSAT one.
    const score =
      meta.columns.find((c) => c.role === 'nps' && c.type === 'number')?.name ??
      meta.columns.find((c) => c.role === 'csat' && c.type === 'number')?.name ??
      null;
    const cols = await columnsOf(meta, [input.text, score]);
    const texts = Array.from(cols.get(input.text) ?? [], (v) => (typeof v === 'string' ? v : null));
    const filter = populationFilter(
      meta,
      input.population,
      score,
      score ? (cols.get(score) ?? null) : null,
      null,
    );
    const mask = populationMask(texts.length, filter);
    const hits = barrierHits(restoreModel(input.model), texts);
    const population = appliedPopulation(filter);
    return {
      ok: true,
      counts: Object.fromEntries(barrierCounts(hits, mask)),
      comments: countComments(texts, mask),
      total: countComments(texts),
      population,
      score: population === 'complaints' ? score : null,
      scale: population === 'complaints' ? (filter.scale ?? null) : null,
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
    const fromCard = input.valueFrom ? await cardValues(input.valueFrom, meta) : null;
    if (input.valueFrom && !fromCard) {
      return { ok: false, reason: 'column-missing', column: input.valueFrom.column };
    }
    const tokens = await termsFor(meta, input.text, onProgress);
    const { terms } = tokens;
    const cols = await columnsOf(meta, named.slice(1));
    const get = (n: string | null | undefined) => (n ? (cols.get(n) ?? null) : null);
    const segmentValues = get(input.segment?.column);
    const themes =
      get(input.theme) ??
      (input.themesFrom ? await derivedThemes(input.themesFrom, meta, input.text, tokens) : null);
    const filter = populationFilter(
      meta,
      input.population,
      input.score ?? null,
      get(input.score),
      segmentMask(segmentValues ?? undefined, input.segment?.value),
    );
    const result = frequencyAnalysis(
      {
        terms,
        texts: tokens.texts,
        themes,
        values: fromCard ?? get(input.value),
        scores: filter.scores,
        scale: filter.scale,
        population: filter.population,
        dates: get(input.period?.column),
        grain: input.period?.grain ?? 'quarter',
        keep: filter.keep,
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
    const named = [input.text, themeColumn, input.segment?.column, input.population?.score];
    const missing = missingColumn(meta, named);
    if (missing) return { ok: false, reason: 'column-missing', column: missing };
    const tokens = await termsFor(meta, input.text);
    const { texts, terms } = tokens;
    const cols = await columnsOf(meta, named.slice(1));
    const themes = themeColumn
      ? (cols.get(themeColumn) ?? null)
      : input.theme && 'model' in input.theme
        ? await modelThemes(input.theme.model, texts)
        : input.theme && 'clusters' in input.theme
          ? await derivedThemes({ clusters: true }, meta, input.text, tokens)
          : null;
    const segment = segmentMask(
      input.segment ? cols.get(input.segment.column) : undefined,
      input.segment?.value,
    );
    // The comments the frequency counted: the same population filter.
    const keep = input.population
      ? populationMask(
          texts.length,
          populationFilter(
            meta,
            input.population.population,
            input.population.score,
            cols.get(input.population.score) ?? null,
            segment,
          ),
        )
      : segment;
    let found = commentsWith(terms, {
      term: input.term ?? null,
      theme: input.theme?.value ?? null,
      themes,
      keep,
    });
    if (input.clusters) {
      const assignments = assignmentsOf(meta, input.text, input.clusters, tokens);
      const wanted = new Set(input.clusters.ids);
      found = found.filter((f) => wanted.has(assignments[f.row] ?? -1));
    }
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

/**
 * The cluster of each comment in the clustering asked for; computed again (it is deterministic)
 * when the worker no longer holds it — it was stopped while idle, or another cell clustered since.
 */
function assignmentsOf(
  meta: DatasetMeta,
  text: string,
  clustering: { k: number | 'auto'; seed: number },
  tokens: { texts: (string | null)[]; terms: Term[][] },
): number[] {
  const key = clusteringKey(meta, text, clustering.k, clustering.seed);
  if (lastClusters?.key !== key) {
    const again = clusterComments(
      tokens.texts,
      { k: clustering.k, seed: clustering.seed, mapPoints: 0 },
      tokens.terms,
    );
    lastClusters = { key, assignments: again.assignments };
  }
  return lastClusters.assignments;
}

/** The last clustering, for listing a cluster's comments. */
let lastClusters: { key: string; assignments: number[] } | null = null;

/**
 * A cluster's signature (its top three terms), made unique within one clustering: two clusters
 * with the same top terms (it happens at large k) must not be taken for one.
 */
function uniqueSignature(base: string, seen: Map<string, number>): string {
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 ? base : `${base} #${n}`;
}

/** What identifies a clustering: the comments (rows and column), k and the seed. */
const clusteringKey = (meta: DatasetMeta, column: string, k: number | 'auto', seed: number) =>
  JSON.stringify([rowsStamp(meta), column, k, seed]);

/** The cells this worker answers, by the method their request names. */
const cellMethods: Record<string, CellMethod> = {
  /** A complaint-frequency cell: the analysis, with the input it answers. */
  async frequencyCell(input: FrequencyInput, onProgress?: ProgressFn) {
    return { input, output: await api.frequency(input, onProgress) } satisfies FrequencyCellResult;
  },
  /** A comment-clusters cell: the clustering, with the input it answers. */
  async clustersCell(input: ClustersInput, onProgress?: ProgressFn) {
    return { input, output: await api.clusters(input, onProgress) } satisfies ClustersCellResult;
  },
};

const workerApi = { ...api, ...cellAnswerer('text', cellMethods) };

/** The text worker's API, as the main thread sees it through the bridge. */
export type Api = typeof workerApi;

expose(workerApi);

reportWorkerRequests('text');
// Last, once every module of this worker is loaded: from here on nothing in it can send.
lockDownNetwork();
