/// <reference lib="webworker" />
import { expose } from 'comlink';
import { getDb } from '../../src/data/db.ts';
import { getDataset } from '../../src/data/datasets-repo.ts';
import { readAllColumns } from '../../src/data/chunks-repo.ts';
import { SurfaceNames, termsOf, type Term } from '../../src/core/text/tokenize.ts';
import { tfidf } from '../../src/core/text/tfidf.ts';
import { silhouette, sphericalKMeans } from '../../src/core/text/spherical-kmeans.ts';
import { clusterComments } from '../../src/core/text/cluster-comments.ts';
import { frequencyAnalysis } from '../../src/core/text/frequency-analysis.ts';
import type { DatasetMeta } from '../../src/core/storage/dataset-meta.ts';

// The text benchmark's own worker: the baseline (lower-case and split on white space) and the
// text worker's steps one by one, with the app's own functions, each timed.

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

async function metaOf(datasetId: string): Promise<DatasetMeta> {
  const meta = await getDataset(getDb(), datasetId);
  if (!meta) throw new Error(`Dataset ${datasetId} is not stored`);
  return meta;
}

/** A column of comments as the text worker reads it (strings; anything else null). */
async function readTexts(meta: DatasetMeta, column: string): Promise<(string | null)[]> {
  const [values] = await readAllColumns(getDb(), meta, [column]);
  return Array.from(values ?? [], (v) => (typeof v === 'string' ? v : null));
}

const api = {
  /** Answers once the worker's modules are loaded (to time the worker's start apart). */
  ping: () => performance.now(),

  /**
   * The baseline: every comment lower-cased and split on white space, the word lists kept (as
   * the tokeniser keeps its terms). Reading the column is timed apart and not part of it.
   */
  async baseline(datasetId: string, column: string, runs: number) {
    const meta = await metaOf(datasetId);
    const t0 = performance.now();
    const texts = await readTexts(meta, column);
    const readMs = performance.now() - t0;
    const times: number[] = [];
    let words = 0;
    for (let run = 0; run < runs; run++) {
      const a = performance.now();
      const out: string[][] = new Array(texts.length);
      words = 0;
      for (let i = 0; i < texts.length; i++) {
        const t = texts[i];
        out[i] = t ? t.toLowerCase().split(/\s+/) : [];
        words += out[i]!.length;
      }
      times.push(performance.now() - a);
    }
    return { readMs, ms: median(times), runs: times, rows: texts.length, words };
  },

  /**
   * The steps of `clusters` (and the analysis of `frequency`) one by one, with the same
   * functions and options as the text worker: read the column, tokenise, surface names, TF-IDF,
   * k-means (each iteration timed by its progress reports) and silhouette; then `clusterComments`
   * whole, for what it does after k-means (silhouette, describing the clusters, the map).
   */
  async phases(datasetId: string, column: string, k: number, seed: number, score: string | null) {
    const db = getDb();
    const meta = await metaOf(datasetId);
    const ms: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      ms[name] = now - t;
      t = now;
    };

    const texts = await readTexts(meta, column);
    lap('readColumn');
    // What `columnsOf` does when a call names no other column: every chunk record read, none
    // decoded.
    await readAllColumns(db, meta, []);
    lap('readNoColumns');

    const terms: Term[][] = new Array(texts.length);
    let termCount = 0;
    for (let i = 0; i < texts.length; i++) {
      const s = texts[i];
      terms[i] = s ? termsOf(s) : [];
      termCount += terms[i]!.length;
    }
    lap('tokenise');

    const names = new SurfaceNames();
    for (const x of terms) names.add(x);
    lap('surfaceNames');
    const docs = terms.map((x) => x.map((y) => y.term));
    lap('termLists');
    const { vocabulary, matrix } = tfidf(docs, { minDf: texts.length > 2000 ? 3 : 2, maxDf: 0.5 });
    lap('tfidf');

    // k-means as clusterComments calls it (k given: restarts 3, 30 iterations at most), each
    // progress report marking the end of an iteration: share = done / 90, `done` jumping to
    // 30 × (restart + 1) when a restart ends; the last report (1) comes after the restarts.
    const ticks: { at: number; done: number }[] = [];
    const k0 = performance.now();
    const km = sphericalKMeans(matrix, {
      k,
      seed,
      restarts: 3,
      onProgress: (share) => ticks.push({ at: performance.now(), done: Math.round(share * 90) }),
    });
    lap('kmeans');
    const restarts: { iterations: number; firstMs: number; laterMeanMs: number }[] = [];
    let prev = k0;
    for (let run = 0; run < 3; run++) {
      const mine = ticks.slice(0, -1).filter((x) => Math.ceil(x.done / 30) - 1 === run);
      if (!mine.length) continue;
      const gaps = mine.map((x, i) => x.at - (i === 0 ? prev : mine[i - 1]!.at));
      prev = mine.at(-1)!.at;
      const later = gaps.slice(1);
      restarts.push({
        iterations: mine.length,
        firstMs: gaps[0]!,
        laterMeanMs: later.length ? later.reduce((a, b) => a + b, 0) / later.length : 0,
      });
    }
    silhouette(matrix, km.assignments, km.k, 1500, seed);
    lap('silhouette');

    // clusterComments itself: its progress is 0.95 when its k-means returns and 1 at the very
    // end, so what it does after k-means (silhouette, describing the clusters, the 2-D map) is
    // timed from its own reports.
    let kmeansEnd = 0;
    const c0 = performance.now();
    const result = clusterComments(
      texts,
      {
        k,
        seed,
        onProgress: (share, stage) => {
          if (stage === 'clustering' && share < 1) kmeansEnd = performance.now();
        },
      },
      terms,
    );
    const c1 = performance.now();
    ms.clusterComments = c1 - c0;
    ms.afterKmeans = c1 - (kmeansEnd || c1);

    // The frequency analysis on the same terms (what `frequency` does after tokenising).
    const scores = score ? (await readAllColumns(db, meta, [score]))[0]! : null;
    t = performance.now();
    const freq = frequencyAnalysis({ terms, scores }, 20);
    lap('frequencyAnalysis');

    return {
      ms,
      restarts,
      rows: texts.length,
      comments: terms.filter((x) => x.length > 0).length,
      terms: termCount,
      vocabulary: vocabulary.terms.length,
      nonZeros: matrix.indices.length,
      k: result.k,
      kmeansCohesion: km.cohesion,
      clusterSizes: result.clusters.map((c) => c.size),
      frequencyComments: freq.comments,
    };
  },
};

export type TextPhasesApi = typeof api;
expose(api);
