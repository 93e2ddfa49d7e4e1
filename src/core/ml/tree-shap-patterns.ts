/**
 * TreeSHAP for shallow trees (depth ≤ 4, at most 10 splits) by table lookup instead of the
 * recursion. A leaf's share of a row's path-dependent attributions depends only on which of the
 * (at most 4) distinct features on its path the row agrees with, so each leaf's shares are
 * tabulated once for all 2^m such subsets, by EXTEND and UNWOUND-SUM over the leaf's path as the
 * recursion does at that leaf. A row's answer for the tree is then the sum of one entry per
 * leaf, and it depends only on which way the row goes at each split (its pattern): with more
 * rows than patterns, each answer is computed once and looked up for every row that shares it.
 * With the trees of depth 3 the key-drivers analysis grows, at most 128 patterns per tree serve
 * thousands of rows. The answers equal the recursion's up to rounding.
 */
import type { PreparedTree } from './prepared-tree.ts';

/** Trees with at most this many splits, and at most this deep, are shallow. */
const SHALLOW_SPLITS = 10;
const SHALLOW_DEPTH = 4;

/**
 * A shallow tree ready for lookup. `features` are its distinct split features; an answer is one
 * entry per feature. With a cache, row `p` of `table` holds the answer for pattern `p` once
 * `filled[p]` is 1.
 */
export interface ShallowTree {
  features: Int32Array;
  /** Per split (in the tree's `splits` order): its feature, threshold, missing direction. */
  splitFeature: Int32Array;
  splitThreshold: Float64Array;
  splitMissingLeft: Uint8Array;
  nLeaves: number;
  /**
   * Per leaf, one after another: its number m of distinct path features, its number of splits,
   * where its shares start in `shares`; then m answer slots (indices into `features`); then per
   * split on its path, the split's index, 1 when the path goes left there, and the slot of its
   * feature among the m.
   */
  leafInts: Int32Array;
  /**
   * Per leaf, its share for each of its m features under each subset `a` of them the row agrees
   * with (bit j set when the row agrees with every split on feature j): `shares[start + a·m + j]`.
   */
  shares: Float64Array;
  table: Float64Array | null;
  filled: Uint8Array | null;
}

/**
 * `tree` ready for lookup, or null when it is not shallow. The cache of answers per pattern is
 * allocated only when `cacheBudget` (table entries) allows it and more than `rows` rows… fewer
 * rows than patterns would rarely repeat one. Cached or not, an answer is computed the same way,
 * so the results do not depend on how many rows are explained.
 */
export function shallowTree(
  tree: PreparedTree,
  rows: number,
  cacheBudget: number,
): ShallowTree | null {
  const splits = tree.splits;
  const s = splits.length;
  if (s > SHALLOW_SPLITS || tree.maxDepth > SHALLOW_DEPTH) return null;
  const splitFeature = new Int32Array(s);
  const splitThreshold = new Float64Array(s);
  const splitMissingLeft = new Uint8Array(s);
  const distinct: number[] = [];
  for (let k = 0; k < s; k++) {
    const node = splits[k]!;
    const f = tree.feature[node]!;
    splitFeature[k] = f;
    splitThreshold[k] = tree.threshold[node]!;
    splitMissingLeft[k] = tree.missingLeft[node]!;
    if (!distinct.includes(f)) distinct.push(f);
  }
  const features = Int32Array.from(distinct);
  const { nLeaves, leafInts, shares } = builder.build(tree, features);
  const patterns = 1 << s;
  const cached = patterns < rows && patterns * features.length <= cacheBudget;
  return {
    features,
    splitFeature,
    splitThreshold,
    splitMissingLeft,
    nLeaves,
    leafInts,
    shares,
    table: cached ? new Float64Array(patterns * features.length) : null,
    filled: cached ? new Uint8Array(patterns) : null,
  };
}

/**
 * Adds the tree's attributions for the row whose feature values are `x[xOffset + f]` to
 * `phi[phiOffset + f]`; `scratch` holds at least one answer (the tree's distinct features).
 */
export function addShallow(
  tree: ShallowTree,
  x: Float64Array,
  xOffset: number,
  phi: Float64Array,
  phiOffset: number,
  scratch: Float64Array,
): void {
  const pattern = patternOf(tree, x, xOffset);
  const features = tree.features;
  const u = features.length;
  let answer = scratch;
  let at = 0;
  if (tree.table) {
    answer = tree.table;
    at = pattern * u;
    if (tree.filled![pattern] === 0) {
      answerOf(tree, pattern, answer, at);
      tree.filled![pattern] = 1;
    }
  } else {
    answerOf(tree, pattern, answer, 0);
  }
  for (let j = 0; j < u; j++) {
    const k = phiOffset + features[j]!;
    phi[k] = phi[k]! + answer[at + j]!;
  }
}

/** The pattern of split directions of the row `x[xOffset …]`: bit k for split k. */
function patternOf(tree: ShallowTree, x: Float64Array, xOffset: number): number {
  const { splitFeature, splitThreshold, splitMissingLeft } = tree;
  let pattern = 0;
  // Branch-free: which way a row goes is a coin flip to the branch predictor. NaN < t is false,
  // so a missing value goes left exactly when its split sends missing values left.
  for (let k = 0; k < splitFeature.length; k++) {
    const v = x[xOffset + splitFeature[k]!]!;
    pattern |= (+(v < splitThreshold[k]!) | (+(v !== v) & splitMissingLeft[k]!)) << k;
  }
  return pattern;
}

/** Writes the answer for `pattern` (its leaves' shares summed per feature) to `out[at …]`. */
function answerOf(tree: ShallowTree, pattern: number, out: Float64Array, at: number): void {
  const { leafInts, shares } = tree;
  const u = tree.features.length;
  for (let j = 0; j < u; j++) out[at + j] = 0;
  let p = 0;
  for (let l = 0; l < tree.nLeaves; l++) {
    const m = leafInts[p]!;
    const length = leafInts[p + 1]!;
    const start = leafInts[p + 2]!;
    const slots = p + 3;
    p = slots + m;
    let agree = (1 << m) - 1;
    for (let k = 0; k < length; k++, p += 3) {
      if (((pattern >>> leafInts[p]!) & 1) !== leafInts[p + 1]) agree &= ~(1 << leafInts[p + 2]!);
    }
    const from = start + agree * m;
    for (let j = 0; j < m; j++) {
      const t = at + leafInts[slots + j]!;
      out[t] = out[t]! + shares[from + j]!;
    }
  }
}

/**
 * Builds a shallow tree's leaf tables in scratch buffers sized for the largest shallow tree,
 * reused from one tree to the next (thousands of trees per call, each with a handful of leaves).
 */
class LeafTableBuilder {
  /** The current path: its nodes, whether it goes left at each. */
  private readonly pathNode = new Int32Array(SHALLOW_DEPTH);
  private readonly pathLeft = new Uint8Array(SHALLOW_DEPTH);
  /** The current leaf's distinct features, in the recursion's order, and their zero fractions. */
  private readonly leafFeature = new Int32Array(SHALLOW_DEPTH);
  private readonly leafZero = new Float64Array(SHALLOW_DEPTH);
  /** Split index of each node (a shallow tree has at most 2 · SHALLOW_SPLITS + 1 nodes). */
  private readonly splitOf = new Int32Array(2 * SHALLOW_SPLITS + 1);
  private readonly ints = new Int32Array((SHALLOW_SPLITS + 1) * (3 + 4 * SHALLOW_DEPTH));
  private readonly shares = new Float64Array(
    (SHALLOW_SPLITS + 1) * (SHALLOW_DEPTH << SHALLOW_DEPTH),
  );
  /** The path weights of EXTEND, and 1 / k. */
  private readonly weight = new Float64Array(SHALLOW_DEPTH + 2);
  private readonly inv = Float64Array.from({ length: SHALLOW_DEPTH + 3 }, (_, k) => 1 / k);
  private tree!: PreparedTree;
  private features!: Int32Array;
  private nLeaves = 0;
  private nInts = 0;
  private nShares = 0;

  build(tree: PreparedTree, features: Int32Array) {
    this.tree = tree;
    this.features = features;
    this.nLeaves = 0;
    this.nInts = 0;
    this.nShares = 0;
    tree.splits.forEach((node, k) => (this.splitOf[node] = k));
    this.visit(0, 0);
    return {
      nLeaves: this.nLeaves,
      leafInts: this.ints.slice(0, this.nInts),
      shares: this.shares.slice(0, this.nShares),
    };
  }

  private visit(node: number, depth: number): void {
    const tree = this.tree;
    if (tree.feature[node]! < 0) {
      this.addLeaf(node, depth);
      return;
    }
    this.pathNode[depth] = node;
    this.pathLeft[depth] = 1;
    this.visit(tree.left[node]!, depth + 1);
    this.pathLeft[depth] = 0;
    this.visit(tree.right[node]!, depth + 1);
  }

  /** Appends the leaf's header, slots, splits and shares (its path is `pathNode[0 … depth)`). */
  private addLeaf(leaf: number, depth: number): void {
    const { tree, ints, leafFeature, leafZero } = this;
    // Distinct features as the recursion keeps them: a repeated feature moves to the end, its
    // zero fraction multiplied by the new branch's share.
    let m = 0;
    for (let k = 0; k < depth; k++) {
      const node = this.pathNode[k]!;
      const f = tree.feature[node]!;
      let z = this.pathLeft[k] ? tree.fracLeft[node]! : tree.fracRight[node]!;
      let at = 0;
      while (at < m && leafFeature[at] !== f) at++;
      if (at < m) {
        z = z * leafZero[at]!;
        for (let j = at; j < m - 1; j++) {
          leafFeature[j] = leafFeature[j + 1]!;
          leafZero[j] = leafZero[j + 1]!;
        }
        m--;
      }
      leafFeature[m] = f;
      leafZero[m] = z;
      m++;
    }
    let p = this.nInts;
    ints[p++] = m;
    ints[p++] = depth;
    ints[p++] = this.nShares;
    for (let j = 0; j < m; j++) ints[p++] = this.features.indexOf(leafFeature[j]!);
    for (let k = 0; k < depth; k++) {
      const node = this.pathNode[k]!;
      ints[p++] = this.splitOf[node]!;
      ints[p++] = this.pathLeft[k]!;
      ints[p++] = leafFeature.subarray(0, m).indexOf(tree.feature[node]!);
    }
    this.nInts = p;
    for (let agree = 0; agree < 1 << m; agree++) {
      this.leafShares(m, agree, tree.value[leaf]!, this.nShares + agree * m);
    }
    this.nShares += (1 << m) * m;
    this.nLeaves++;
  }

  /**
   * The leaf's share for each of its `m` distinct features when the row agrees with those whose
   * bit is set in `agree` (one fraction 1, else 0), written to `shares[at …]`: the path's records
   * (a dummy root with zero and one fractions 1, then each feature) extended one after another,
   * then each record's UNWOUND-SUM, with the same arithmetic as the recursion at a leaf.
   */
  private leafShares(m: number, agree: number, value: number, at: number): void {
    const { weight: pw, inv, leafZero } = this;
    pw[0] = 1;
    for (let e = 1; e <= m; e++) {
      const zeroScale = leafZero[e - 1]! * inv[e + 1]!;
      pw[e] = 0;
      if ((agree >>> (e - 1)) & 1) {
        const oneScale = inv[e + 1]!;
        for (let i = e - 1; i >= 0; i--) {
          const w = pw[i]!;
          pw[i + 1] = pw[i + 1]! + w * (i + 1) * oneScale;
          pw[i] = w * (e - i) * zeroScale;
        }
      } else {
        for (let i = e - 1; i >= 0; i--) pw[i] = pw[i]! * (e - i) * zeroScale;
      }
    }
    const scale = (m + 1) * value;
    const last = pw[m]!;
    for (let k = 1; k <= m; k++) {
      const z = leafZero[k - 1]!;
      let total = 0;
      if ((agree >>> (k - 1)) & 1) {
        let next = last;
        for (let i = m - 1; i >= 0; i--) {
          const c = inv[i + 1]!;
          total += next * c;
          next = pw[i]! - next * (c * z * (m - i));
        }
        this.shares[at + k - 1] = total * (1 - z) * scale;
      } else {
        for (let i = m - 1; i >= 0; i--) total += pw[i]! * inv[m - i]!;
        this.shares[at + k - 1] = -total * scale;
      }
    }
  }
}

const builder = new LeafTableBuilder();
