/**
 * What the text worker is asked and answers (its contract): complaint frequency, comments, clusters.
 */
import type { ClientGroups } from '../text/client-profiles.ts';
import type { CommentCluster, CommentClusters } from '../text/cluster-comments.ts';
import type { FrequencyResult } from '../text/frequency-analysis.ts';
import type { PeriodGrain } from '../index/period-key.ts';
import type { Locale } from '../i18n/locale.ts';
import type { CommentPopulation, ScoreScale } from '../text/complaint-population.ts';

/** Which comments to analyse and what else each row tells. */
export interface FrequencyInput {
  datasetId: string;
  /** The column of comments. */
  text: string;
  /** A factor or category column: each complaint's theme. */
  theme?: string | null;
  /**
   * Without a theme column: themes from the barriers of a stored service model, or from the
   * comments' own clusters (k by silhouette), named by their words.
   */
  themesFrom?: ThemeModel | { clusters: true } | null;
  /** A value at risk per row (the client's LTV, revenue). */
  value?: string | null;
  /** Or a value from a model's client card, by each row's client (see `card-values.ts`). */
  valueFrom?: { modelId: string; column: string } | null;
  /**
   * A score per row (NPS, or CSAT by the column's role): detractors against promoters, and
   * which comments are complaints.
   */
  score?: string | null;
  /**
   * Which comments are counted: the complaints (NPS 0–8, CSAT 1–3 of 5; see
   * `complaint-population.ts`) — the default — or all; without a score, all.
   */
  population?: CommentPopulation;
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
  theme?:
    | { column: string; value: string }
    | { model: ThemeModel; value: string }
    | { clusters: true; value: string }
    | null;
  segment?: { column: string; value: string } | null;
  /** Only the comments the frequency counted: its score column and population. */
  population?: { score: string; population: CommentPopulation } | null;
  /** Comments of these clusters of the clustering with this k and seed. */
  clusters?: { ids: number[]; k: number | 'auto'; seed: number } | null;
  /** Case-insensitive text the comment must contain. */
  search?: string;
  offset: number;
  limit: number;
}

/** A page of comments with the words to highlight in each. */
export type CommentsOutput =
  | { ok: true; total: number; rows: { row: number; text: string; words: string[] }[] }
  | { ok: false; reason: 'dataset-missing' | 'column-missing'; column?: string };

/** Which comments to cluster, and what else each row tells about its cluster. */
export interface ClustersInput {
  datasetId: string;
  text: string;
  k: number | 'auto';
  seed?: number;
  /** A 0–10 score column (NPS): the NPS of each cluster. */
  score?: string | null;
  /** A segment column: each cluster's segment mix. */
  segment?: string | null;
  /** A client-id column: clients grouped by the share of their comments per cluster. */
  client?: string | null;
}

/** One cluster as the views show it. */
export interface ClusterView extends CommentCluster {
  /** Stable across runs on the same data: the cluster's top three terms. */
  signature: string;
  /** NPS of the cluster's rows with a score, and how many had one. */
  nps: number | null;
  npsN: number;
  /** The most common segments of its rows, with their shares. */
  segments: { key: string; share: number }[];
  /**
   * The clients who wrote its comments (with a client column; else empty): a trace handed this
   * cluster reads them from the stored result.
   */
  clients: string[];
}

/** Comments clustered, or why not. */
export type ClustersOutput =
  | {
      ok: true;
      k: number;
      silhouette: number;
      tried: { k: number; silhouette: number }[];
      /** With k 'auto': the best k was the largest tried, range widened as far as allowed. */
      kAtLimit?: boolean;
      clusters: ClusterView[];
      map: CommentClusters['map'];
      comments: number;
      /** Kinds of clients by their complaints (with a client column and 3+ clients). */
      clientGroups: ClientGroups | null;
    }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' | 'no-words'; column?: string };

/** Which comments of a dataset column to count the barriers of a model in. */
export interface BarrierCountsInput {
  /** The model as being edited. */
  model: unknown;
  datasetId: string;
  text: string;
  /**
   * The complaints (by the dataset's column with the `nps` role, else the `csat` one) or all
   * comments; complaints by default, all without such a column.
   */
  population?: CommentPopulation;
}

/** Complaints per barrier of a model, counted in a dataset's comments. */
export type BarrierCountsOutput =
  | {
      ok: true;
      counts: Record<string, number>;
      /** Comments counted, of all the column's comments. */
      comments: number;
      total: number;
      /** The population that applied, and the score column and scale it read. */
      population: CommentPopulation;
      score: string | null;
      scale: ScoreScale | null;
    }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' };

/** What a complaint-frequency cell shows: the analysis, with the input it answers. */
export interface FrequencyCellResult {
  input: FrequencyInput;
  output: FrequencyOutput;
}

/** What a comment-clusters cell shows: the clustering, with the input it answers. */
export interface ClustersCellResult {
  input: ClustersInput;
  output: ClustersOutput;
}
