/**
 * The shapes shared by the gradient-boosted trees, TreeSHAP and the drivers analysis: a dense
 * feature matrix (column-major, NaN for missing) and an ensemble of binary regression trees in
 * flat typed arrays. Node 0 is a tree's root.
 */

/** A dense table of numeric features; categorical columns arrive already expanded. */
export interface FeatureMatrix {
  nRows: number;
  nFeatures: number;
  /** Column-major values: feature `f` of row `i` is `values[f * nRows + i]`; NaN is missing. */
  values: Float64Array;
  /** One name per feature (an expanded feature's own name, e.g. `Contract=Month-to-month`). */
  names: string[];
}

/** One regression tree. Arrays are indexed by node. */
export interface Tree {
  /** The feature a node splits on; -1 marks a leaf. */
  feature: Int32Array;
  /** A row goes left when its value is < threshold (and is not missing). */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** 1 when a missing value (NaN) goes left, 0 when it goes right (the learned default). */
  missingLeft: Uint8Array;
  /** A leaf's output on the margin (log-odds) scale, learning rate applied; 0 inside. */
  value: Float64Array;
  /**
   * The training weight (sum of hessians, as XGBoost's "cover") reaching each node; a node's
   * cover is the sum of its children's. TreeSHAP's path-dependent expectation uses it.
   */
  cover: Float64Array;
}

/** A boosted ensemble for binary classification: margin = baseMargin + Σ tree outputs. */
export interface Ensemble {
  nFeatures: number;
  /** The starting log-odds (of the training positives' share). */
  baseMargin: number;
  trees: Tree[];
}

/** The leaf a row of `x` reaches in `tree`; `at(f)` gives the row's value of feature f. */
export function leafOf(tree: Tree, at: (feature: number) => number): number {
  let node = 0;
  let f = tree.feature[0]!;
  while (f >= 0) {
    const v = at(f);
    const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v < tree.threshold[node]!;
    node = goLeft ? tree.left[node]! : tree.right[node]!;
    f = tree.feature[node]!;
  }
  return node;
}

/** The ensemble's margin (log-odds) for row `row` of `x`. */
export function predictMargin(ensemble: Ensemble, x: FeatureMatrix, row: number): number {
  const at = (f: number) => x.values[f * x.nRows + row]!;
  let margin = ensemble.baseMargin;
  for (const tree of ensemble.trees) margin += tree.value[leafOf(tree, at)]!;
  return margin;
}

/**
 * The ensemble's margins for every row of `x`, or for the rows `rows` of it (one margin per
 * listed row, in that order). Equal to {@link predictMargin} row by row, bit for bit.
 */
export function predictMargins(
  ensemble: Ensemble,
  x: FeatureMatrix,
  rows?: ArrayLike<number>,
): Float64Array {
  const n = rows ? rows.length : x.nRows;
  const nFeatures = x.nFeatures;
  const out = new Float64Array(n).fill(ensemble.baseMargin);
  // Rows a block at a time, row-major, tree after tree within it: a tree's arrays stay in cache
  // over the block, and each row still adds the trees in order, as predictMargin does.
  const block = new Float64Array(BLOCK_ROWS * nFeatures);
  for (let from = 0; from < n; from += BLOCK_ROWS) {
    const to = Math.min(n, from + BLOCK_ROWS);
    gatherRows(x, rows, from, to, block);
    for (const tree of ensemble.trees) {
      const value = tree.value;
      for (let r = from; r < to; r++) {
        out[r] = out[r]! + value[leafOfRow(tree, block, (r - from) * nFeatures)]!;
      }
    }
  }
  return out;
}

/** Rows predicted together by {@link predictMargins}. */
const BLOCK_ROWS = 256;

/** The rows `from … to` (of `rows`, or of all rows) of `x`, row-major into `out`. */
function gatherRows(
  x: FeatureMatrix,
  rows: ArrayLike<number> | undefined,
  from: number,
  to: number,
  out: Float64Array,
): void {
  const { nRows, nFeatures, values } = x;
  for (let f = 0; f < nFeatures; f++) {
    const column = f * nRows;
    if (rows)
      for (let r = from; r < to; r++) out[(r - from) * nFeatures + f] = values[column + rows[r]!]!;
    else for (let r = from; r < to; r++) out[(r - from) * nFeatures + f] = values[column + r]!;
  }
}

/** The leaf in `tree` of the row whose feature values are `x[xOffset + f]`. */
function leafOfRow(tree: Tree, x: Float64Array, xOffset: number): number {
  const { feature, threshold, left, right, missingLeft } = tree;
  let node = 0;
  let f = feature[0]!;
  while (f >= 0) {
    const v = x[xOffset + f]!;
    const goLeft = v !== v ? missingLeft[node] === 1 : v < threshold[node]!;
    node = goLeft ? left[node]! : right[node]!;
    f = feature[node]!;
  }
  return node;
}

/** The logistic function: a margin as a probability. */
export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin));
}
