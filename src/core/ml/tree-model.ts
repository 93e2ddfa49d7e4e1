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

/** The ensemble's margins for every row of `x`. */
export function predictMargins(ensemble: Ensemble, x: FeatureMatrix): Float64Array {
  const out = new Float64Array(x.nRows);
  for (let i = 0; i < x.nRows; i++) out[i] = predictMargin(ensemble, x, i);
  return out;
}

/** The logistic function: a margin as a probability. */
export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin));
}
