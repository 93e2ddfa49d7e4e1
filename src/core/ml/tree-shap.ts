/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2): the polynomial-time EXTEND / UNWIND /
 * UNWOUND-SUM recursion of the `shap` package's C++ `tree_shap`, O(leaves · depth²) per tree
 * and row. A feature absent from the coalition is integrated out with the trees' cover weights.
 *
 * Shallow trees (depth ≤ 4, at most 10 splits) are answered from per-leaf tables instead, and
 * by pattern lookup when many rows are explained (see `tree-shap-patterns.ts`).
 */
import type { Ensemble, FeatureMatrix } from './tree-model.ts';
import { addShallow, shallowTree, type ShallowTree } from './tree-shap-patterns.ts';
import { prepareTree, type PreparedTree } from './prepared-tree.ts';

/** The most entries (doubles) the shallow trees' caches of one call may hold together: 32 MB. */
const PATTERN_BUDGET = 1 << 22;

/** Rows between two abort checks / progress reports. */
const CHECK_EVERY = 256;

/**
 * The expected margin under the trees' cover weights: `baseMargin + Σ_t E_t`, where `E_t` is the
 * cover-weighted mean of tree t's leaf values. It is TreeSHAP's base value.
 */
export function expectedMargin(ensemble: Ensemble): number {
  let total = ensemble.baseMargin;
  for (const tree of ensemble.trees) total += prepareTree(tree, ensemble.nFeatures).expected;
  return total;
}

/** Attributions of a model's margin to its features, one row of values per explained row. */
export interface ShapResult {
  /** The value every row's attributions start from: `expectedMargin(ensemble)`. */
  base: number;
  /** Which rows of the feature matrix were explained, in the order of `values`. */
  rows: number[] | Int32Array;
  nFeatures: number;
  /**
   * Row-major attributions: `values[r * nFeatures + f]` is feature f's share of the r-th
   * explained row's margin; `base + Σ_f values[r * nFeatures + f]` is that row's margin.
   */
  values: Float64Array;
}

/**
 * The recursion's state. The path is a flat stack of (feature, zero fraction, one fraction,
 * permutation weight) records; each level copies its parent's records into the next slot, as
 * the C++ code does, so no allocation happens per node.
 */
class PathWalker {
  readonly pathFeature: Int32Array;
  readonly pathZero: Float64Array;
  readonly pathOne: Float64Array;
  readonly pathWeight: Float64Array;
  /** 1 / k for k = 0 … maxDepth + 2 (the entry at 0 is unused). */
  readonly inv: Float64Array;
  /** The explained row's feature values: `x[xOffset + f]`. */
  readonly x: Float64Array;
  xOffset = 0;
  readonly phi: Float64Array;
  phiOffset = 0;
  tree: PreparedTree;

  constructor(maxDepth: number, x: Float64Array, phi: Float64Array, tree: PreparedTree) {
    const levels = maxDepth + 2;
    const size = (levels * (levels + 1)) / 2 + 1;
    this.pathFeature = new Int32Array(size);
    this.pathZero = new Float64Array(size);
    this.pathOne = new Float64Array(size);
    this.pathWeight = new Float64Array(size);
    this.inv = new Float64Array(levels + 1);
    for (let k = 1; k <= levels; k++) this.inv[k] = 1 / k;
    this.x = x;
    this.phi = phi;
    this.tree = tree;
  }

  /**
   * Visits `node`, whose parent's path starts at `parentOffset` and holds `depth` records;
   * `zero`/`one` are the fractions of the split that led here, on feature `feature`.
   */
  recurse(
    node: number,
    parentOffset: number,
    depth: number,
    zero: number,
    one: number,
    feature: number,
  ): void {
    const pf = this.pathFeature;
    const pz = this.pathZero;
    const po = this.pathOne;
    const pw = this.pathWeight;
    const inv = this.inv;
    const tree = this.tree;
    const offset = parentOffset + depth + 1;
    for (let i = 0; i < depth; i++) {
      pf[offset + i] = pf[parentOffset + i]!;
      pz[offset + i] = pz[parentOffset + i]!;
      po[offset + i] = po[parentOffset + i]!;
      pw[offset + i] = pw[parentOffset + i]!;
    }

    // EXTEND
    let d = depth;
    {
      const top = offset + d;
      pf[top] = feature;
      pz[top] = zero;
      po[top] = one;
      pw[top] = d === 0 ? 1 : 0;
      const invNext = inv[d + 1]!;
      const zeroScale = zero * invNext;
      if (one !== 0) {
        const oneScale = one * invNext;
        for (let i = d - 1; i >= 0; i--) {
          const w = pw[offset + i]!;
          pw[offset + i + 1] = pw[offset + i + 1]! + w * (i + 1) * oneScale;
          pw[offset + i] = w * (d - i) * zeroScale;
        }
      } else {
        for (let i = d - 1; i >= 0; i--) pw[offset + i] = pw[offset + i]! * (d - i) * zeroScale;
      }
    }

    const split = tree.feature[node]!;
    if (split < 0) {
      const phi = this.phi;
      const phiOffset = this.phiOffset;
      const scale = (d + 1) * tree.value[node]!;
      const last = pw[offset + d]!;
      let coldShare = 0;
      let coldDone = false;
      for (let k = 1; k <= d; k++) {
        const el = offset + k;
        const z = pz[el]!;
        if (po[el] !== 0) {
          // UNWOUND-SUM. A one fraction is 0 or 1 here (1 at the root, passed down the hot
          // branches, 0 on cold ones), so the C++ code's division by it is dropped; the
          // recurrence is arranged so that only one multiply-subtract is on the dependency chain.
          let next = last;
          let total = 0;
          for (let i = d - 1; i >= 0; i--) {
            const c = inv[i + 1]!;
            total += next * c;
            next = pw[offset + i]! - next * (c * z * (d - i));
          }
          const at = phiOffset + pf[el]!;
          phi[at] = phi[at]! + total * (1 - z) * scale;
        } else {
          // With one = 0, UNWOUND-SUM is Σ_i w_i / (z (d − i)) and the leaf weighs it by (0 − z):
          // z cancels, so every cold record gets the same share (and no zero fraction divides).
          if (!coldDone) {
            let total = 0;
            for (let i = d - 1; i >= 0; i--) total += pw[offset + i]! * inv[d - i]!;
            coldShare = -total * scale;
            coldDone = true;
          }
          const at = phiOffset + pf[el]!;
          phi[at] = phi[at]! + coldShare;
        }
      }
      return;
    }

    const xv = this.x[this.xOffset + split]!;
    const goLeft = xv !== xv ? tree.missingLeft[node] === 1 : xv < tree.threshold[node]!;
    let hot: number;
    let cold: number;
    let hotZero: number;
    let coldZero: number;
    if (goLeft) {
      hot = tree.left[node]!;
      cold = tree.right[node]!;
      hotZero = tree.fracLeft[node]!;
      coldZero = tree.fracRight[node]!;
    } else {
      hot = tree.right[node]!;
      cold = tree.left[node]!;
      hotZero = tree.fracRight[node]!;
      coldZero = tree.fracLeft[node]!;
    }

    // A feature already split on higher up is taken off the path (UNWIND) and re-added below
    // with both splits' fractions combined, so it counts as one player.
    let incomingZero = 1;
    let incomingOne = 1;
    for (let k = 1; k <= d; k++) {
      const el = offset + k;
      if (pf[el] !== split) continue;
      incomingZero = pz[el]!;
      incomingOne = po[el]!;
      // UNWIND
      let next = pw[offset + d]!;
      const scale = d + 1;
      if (incomingOne !== 0) {
        // incomingOne is exactly 1 (see UNWOUND-SUM above).
        const invScale = inv[scale]!;
        for (let i = d - 1; i >= 0; i--) {
          const tmp = pw[offset + i]!;
          const w = next * scale * inv[i + 1]!;
          pw[offset + i] = w;
          next = tmp - w * incomingZero * (d - i) * invScale;
        }
      } else {
        for (let i = d - 1; i >= 0; i--) {
          pw[offset + i] = (pw[offset + i]! * scale) / (incomingZero * (d - i));
        }
      }
      for (let i = k; i < d; i++) {
        pf[offset + i] = pf[offset + i + 1]!;
        pz[offset + i] = pz[offset + i + 1]!;
        po[offset + i] = po[offset + i + 1]!;
      }
      d--;
      break;
    }

    // A branch with zero and one fractions both 0 adds nothing, and a later UNWIND of it would
    // divide by zero, so it is skipped.
    const hz = hotZero * incomingZero;
    if (hz !== 0 || incomingOne !== 0) this.recurse(hot, offset, d + 1, hz, incomingOne, split);
    const cz = coldZero * incomingZero;
    if (cz !== 0) this.recurse(cold, offset, d + 1, cz, 0, split);
  }
}

/**
 * Exact path-dependent TreeSHAP attributions of the ensemble's margin for the chosen rows of `x`
 * (default: every row). For each row, `base + Σ_f values[r * nFeatures + f]` equals
 * `predictMargin(ensemble, x, row)` up to rounding. Missing values (NaN) follow each split's
 * learned default direction, as in prediction.
 *
 * @param hooks.onProgress - called every few hundred rows and at the end with (done, total).
 * @param hooks.signal - when `aborted` becomes true, the next check (every few hundred rows)
 *   throws `Error('aborted')`.
 * @throws RangeError when `x` is not nRows × nFeatures or has a different number of features
 *   than the ensemble, a row index is out of range, or a tree is malformed.
 */
export function treeShap(
  ensemble: Ensemble,
  x: FeatureMatrix,
  rows?: ArrayLike<number>,
  hooks?: { onProgress?: (done: number, total: number) => void; signal?: { aborted: boolean } },
): ShapResult {
  const nFeatures = x.nFeatures;
  if (nFeatures !== ensemble.nFeatures) {
    throw new RangeError(
      `tree-shap: the matrix has ${nFeatures} features, the ensemble ${ensemble.nFeatures}`,
    );
  }
  const nRows = x.nRows;
  if (x.values.length !== nRows * nFeatures) {
    throw new RangeError('tree-shap: the matrix does not hold nRows × nFeatures values');
  }
  const explained = explainedRows(rows, nRows);
  const total = explained.length;
  const { trees, shallow, base, maxDepth } = prepareEnsemble(ensemble, total);
  const values = new Float64Array(total * nFeatures);
  const onProgress = hooks?.onProgress;
  const signal = hooks?.signal;
  if (trees.length === 0 && signal?.aborted) throw new Error('aborted');
  if (trees.length > 0) {
    // Rows a block at a time, tree after tree within it: a tree's arrays (and a shallow tree's
    // answers) stay in cache over the block's rows, and each row still adds the trees in order.
    const block = new Float64Array(CHECK_EVERY * nFeatures);
    const walker = new PathWalker(maxDepth, block, values, trees[0]!);
    const scratch = new Float64Array(nFeatures);
    for (let from = 0; from < total; from += CHECK_EVERY) {
      if (signal?.aborted) throw new Error('aborted');
      if (from > 0) onProgress?.(from, total);
      const to = Math.min(total, from + CHECK_EVERY);
      gatherRows(x, explained, from, to, block);
      for (let t = 0; t < trees.length; t++) {
        const lookup = shallow[t];
        for (let r = from; r < to; r++) {
          const xOffset = (r - from) * nFeatures;
          if (lookup) {
            addShallow(lookup, block, xOffset, values, r * nFeatures, scratch);
          } else {
            walker.tree = trees[t]!;
            walker.xOffset = xOffset;
            walker.phiOffset = r * nFeatures;
            walker.recurse(0, 0, 0, 1, 1, -1);
          }
        }
      }
    }
  }
  onProgress?.(total, total);
  return { base, rows: explained, nFeatures, values };
}

/** The rows to explain, checked: all of `0 … nRows − 1` when `rows` is not given. */
function explainedRows(rows: ArrayLike<number> | undefined, nRows: number): Int32Array {
  if (rows === undefined) return Int32Array.from({ length: nRows }, (_, i) => i);
  const explained = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!Number.isInteger(row) || row < 0 || row >= nRows) {
      throw new RangeError(`tree-shap: row ${row} is not in 0…${nRows - 1}`);
    }
    explained[i] = row;
  }
  return explained;
}

/**
 * The ensemble's trees prepared (single leaves left out: they move no row away from the
 * expectation), each with its lookup when it is shallow, and the base value.
 */
function prepareEnsemble(ensemble: Ensemble, nExplained: number) {
  const trees: PreparedTree[] = [];
  const shallow: (ShallowTree | null)[] = [];
  let base = ensemble.baseMargin;
  let maxDepth = 0;
  let budget = PATTERN_BUDGET;
  for (const tree of ensemble.trees) {
    const prepared = prepareTree(tree, ensemble.nFeatures);
    base += prepared.expected;
    if (prepared.maxDepth > maxDepth) maxDepth = prepared.maxDepth;
    if (prepared.maxDepth === 0) continue;
    trees.push(prepared);
    const lookup = shallowTree(prepared, nExplained, budget);
    if (lookup?.table) budget -= lookup.table.length;
    shallow.push(lookup);
  }
  return { trees, shallow, base, maxDepth };
}

/** The rows `explained[from … to)` of `x`, row-major into `out`. */
function gatherRows(
  x: FeatureMatrix,
  explained: Int32Array,
  from: number,
  to: number,
  out: Float64Array,
): void {
  const { nRows, nFeatures, values } = x;
  for (let r = from; r < to; r++) {
    const i = explained[r]!;
    const at = (r - from) * nFeatures;
    for (let f = 0; f < nFeatures; f++) out[at + f] = values[f * nRows + i]!;
  }
}
