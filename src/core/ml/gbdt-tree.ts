/**
 * Grows one regression tree of a gradient-boosted ensemble on binned features: per-node
 * gradient/hessian histograms (the smaller child built from its rows, the larger one by
 * subtraction from the parent), XGBoost's split gain, a learned direction for missing values,
 * and rows partitioned in place per node. All working memory is allocated once per training.
 */
import type { FeatureBins } from './feature-bins.ts';
import type { Tree } from './tree-model.ts';

/** How a tree grows (the tree-shaped part of the boosting options). */
export interface GrowOptions {
  /** Depth limit; 0 means none (only allowed together with `maxLeaves`). */
  maxDepth: number;
  /** Leaf limit; 0 means none. When set, leaves are split best-gain first. */
  maxLeaves: number;
  /** The least hessian sum of a child. */
  minChildWeight: number;
  /** L2 regularisation of leaf values. */
  lambda: number;
  /** The least gain of a split. */
  gamma: number;
  /** The factor on every leaf value. */
  learningRate: number;
}

// XGBoost's kRtEps: a split must gain more than this, or rounding noise would pass as signal.
const MIN_GAIN = 1e-6;
// Missing hessian below this share of the node's counts as none (subtraction leaves dust).
const MISSING_DUST = 1e-12;

/**
 * Grows trees one after another over the same binned rows, reusing its buffers. Without a leaf
 * limit a node's split depends on its rows alone, so the tree is the depth-wise one whatever
 * the order; nodes are expanded depth-first, which keeps at most depth + 2 histograms alive.
 * With a leaf limit the open node of highest gain is split next. Node 0 is the root; children
 * are numbered in the order they are made.
 */
export class TreeGrower {
  private readonly bins: FeatureBins;
  private readonly opts: GrowOptions;
  /** Row indices (into the binned rows), each node owning a contiguous stretch. */
  private readonly rows: Int32Array;
  private readonly scratch: Int32Array;
  private readonly selected: Int32Array;
  private nSelected = 0;
  private gh: Float64Array = new Float64Array(0);
  private readonly pool: Float64Array[] = [];
  private readonly hists: (Float64Array | null)[];
  private readonly open: number[] = [];
  private nNodes = 0;
  private readonly sums = new Float64Array(2);

  private readonly begin: Int32Array;
  private readonly end: Int32Array;
  private readonly depth: Int32Array;
  private readonly sumG: Float64Array;
  private readonly sumH: Float64Array;
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  /**
   * A split's highest histogram slot on the left (see {@link FeatureBins.codes}; below the
   * feature's first slot when only missing values go left).
   */
  private readonly splitCode: Int32Array;
  private readonly missingLeft: Uint8Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly value: Float64Array;
  /** exp(value) of each leaf of the last tree, for the rows' odds. */
  private readonly expValue: Float64Array;
  private readonly bestGain: Float64Array;
  private readonly bestFeature: Int32Array;
  private readonly bestBin: Int32Array;
  private readonly bestMissingLeft: Uint8Array;
  private readonly bestLeftG: Float64Array;
  private readonly bestLeftH: Float64Array;

  /** A grower for the rows of `bins` with the tree options `opts`. */
  constructor(bins: FeatureBins, opts: GrowOptions) {
    this.bins = bins;
    this.opts = opts;
    const n = Math.max(1, bins.nRows);
    // Every leaf keeps at least one row, so a tree never has more than 2n − 1 nodes.
    let cap = 2 * n - 1;
    if (opts.maxLeaves > 0) cap = Math.min(cap, 2 * opts.maxLeaves - 1);
    if (opts.maxDepth > 0 && opts.maxDepth < 30) cap = Math.min(cap, 2 ** (opts.maxDepth + 1) - 1);
    this.rows = new Int32Array(n);
    this.scratch = new Int32Array(n);
    this.selected = new Int32Array(bins.nFeatures);
    this.hists = new Array<Float64Array | null>(cap).fill(null);
    this.begin = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.depth = new Int32Array(cap);
    this.sumG = new Float64Array(cap);
    this.sumH = new Float64Array(cap);
    this.feature = new Int32Array(cap);
    this.threshold = new Float64Array(cap);
    this.splitCode = new Int32Array(cap);
    this.missingLeft = new Uint8Array(cap);
    this.left = new Int32Array(cap);
    this.right = new Int32Array(cap);
    this.value = new Float64Array(cap);
    this.expValue = new Float64Array(cap);
    this.bestGain = new Float64Array(cap);
    this.bestFeature = new Int32Array(cap);
    this.bestBin = new Int32Array(cap);
    this.bestMissingLeft = new Uint8Array(cap);
    this.bestLeftG = new Float64Array(cap);
    this.bestLeftH = new Float64Array(cap);
  }

  /**
   * Grows a tree on the rows `sample[0 … nSample)` using only the features `features[0 … k)`.
   * `gh` holds each binned row's gradient and hessian interleaved (`gh[2i]`, `gh[2i + 1]`).
   */
  grow(
    gh: Float64Array,
    sample: Int32Array,
    nSample: number,
    features: Int32Array,
    nFeatures: number,
  ): Tree {
    this.gh = gh;
    this.selected.set(features.subarray(0, nFeatures));
    this.nSelected = nFeatures;
    this.rows.set(sample.subarray(0, nSample));
    this.nNodes = 0;
    const sums = this.sums;
    sumGradients(gh, sample, nSample, sums);
    const root = this.addNode(0, nSample, sums[0]!, sums[1]!, 0);
    if (this.splittable(root)) {
      const hist = this.acquire();
      this.build(hist, 0, nSample);
      this.hists[root] = hist;
      this.consider(root);
    }
    const bestFirst = this.opts.maxLeaves > 0;
    let leaves = 1;
    while (this.open.length > 0 && (!bestFirst || leaves < this.opts.maxLeaves)) {
      const node = bestFirst ? this.takeBest() : this.open.pop()!;
      if (this.split(node)) leaves++;
    }
    for (const node of this.open) this.release(node);
    this.open.length = 0;
    return this.finish();
  }

  /**
   * Adds the last grown tree's leaf values to `margins` and multiplies `odds` (each row's
   * exp(margin)) by their exponentials, both indexed by binned row: for the sampled rows from
   * the leaves' row stretches, for the rows `others[0 … nOthers)` by walking the tree.
   */
  addToMargins(
    margins: Float64Array,
    odds: Float64Array,
    others: Int32Array,
    nOthers: number,
  ): void {
    const { rows, begin, end, feature, value, expValue } = this;
    for (let node = 0; node < this.nNodes; node++) {
      if (feature[node] !== -1) continue;
      const v = value[node]!;
      expValue[node] = Math.exp(v);
      addLeaf(margins, odds, rows, begin[node]!, end[node]!, v, expValue[node]!);
    }
    // Row-major slots: walking one row touches one or two cache lines, not one per level.
    const { codes, nFeatures, offsets, valueBins } = this.bins;
    const { splitCode, missingLeft, left, right } = this;
    for (let k = 0; k < nOthers; k++) {
      const r = others[k]!;
      const base = r * nFeatures;
      let node = 0;
      while (feature[node]! >= 0) {
        const f = feature[node]!;
        const c = codes[base + f]!;
        const goLeft =
          c === offsets[f]! + valueBins[f]! ? missingLeft[node] === 1 : c <= splitCode[node]!;
        node = goLeft ? left[node]! : right[node]!;
      }
      margins[r]! += value[node]!;
      odds[r]! *= expValue[node]!;
    }
  }

  private addNode(from: number, to: number, g: number, h: number, depth: number): number {
    const node = this.nNodes++;
    this.begin[node] = from;
    this.end[node] = to;
    this.sumG[node] = g;
    this.sumH[node] = h;
    this.depth[node] = depth;
    this.feature[node] = -1;
    this.hists[node] = null;
    return node;
  }

  private splittable(node: number): boolean {
    const { maxDepth, minChildWeight } = this.opts;
    return (
      (maxDepth === 0 || this.depth[node]! < maxDepth) &&
      this.end[node]! - this.begin[node]! >= 2 &&
      this.sumH[node]! >= 2 * minChildWeight
    );
  }

  /** Finds `node`'s best split from its histogram; queues it when there is one, else frees it. */
  private consider(node: number): void {
    if (this.evaluate(node)) this.open.push(node);
    else this.release(node);
  }

  /** The open node of highest gain (the earliest on ties), removed from the queue. */
  private takeBest(): number {
    const open = this.open;
    let at = 0;
    for (let i = 1; i < open.length; i++) {
      if (this.bestGain[open[i]!]! > this.bestGain[open[at]!]!) at = i;
    }
    const node = open[at]!;
    open.splice(at, 1);
    return node;
  }

  /** Splits `node` by its best split and queues its children; false when it stayed a leaf. */
  private split(node: number): boolean {
    const f = this.bestFeature[node]!;
    const bin = this.bestBin[node]!;
    const missLeft = this.bestMissingLeft[node]!;
    const from = this.begin[node]!;
    const to = this.end[node]!;
    const mid = this.partition(from, to, f, bin, missLeft);
    if (mid === from || mid === to) {
      // Histogram subtraction can leave dust that looks like rows; nothing actually moved.
      this.release(node);
      return false;
    }
    const g = this.sumG[node]!;
    const h = this.sumH[node]!;
    const lg = this.bestLeftG[node]!;
    const lh = this.bestLeftH[node]!;
    const childDepth = this.depth[node]! + 1;
    const l = this.addNode(from, mid, lg, lh, childDepth);
    const r = this.addNode(mid, to, g - lg, h - lh, childDepth);
    this.feature[node] = f;
    this.threshold[node] = bin < 0 ? -Infinity : this.bins.cuts[f]![bin]!;
    this.splitCode[node] = this.bins.offsets[f]! + bin;
    this.missingLeft[node] = missLeft;
    this.left[node] = l;
    this.right[node] = r;

    const parentHist = this.hists[node]!;
    this.hists[node] = null;
    const smallIsLeft = mid - from <= to - mid;
    const small = smallIsLeft ? l : r;
    const large = smallIsLeft ? r : l;
    const splitSmall = this.splittable(small);
    const splitLarge = this.splittable(large);
    if (splitLarge) {
      const hist = this.acquire();
      this.build(hist, this.begin[small]!, this.end[small]!);
      subtract(parentHist, hist);
      this.hists[large] = parentHist;
      this.hists[small] = hist;
    } else if (splitSmall) {
      parentHist.fill(0);
      this.build(parentHist, this.begin[small]!, this.end[small]!);
      this.hists[small] = parentHist;
    } else {
      this.pool.push(parentHist);
    }
    // Right first so that depth-first growth pops the left child next.
    if (smallIsLeft) {
      if (splitLarge) this.consider(large);
      if (splitSmall) this.consider(small);
      else this.release(small);
    } else {
      if (splitSmall) this.consider(small);
      else this.release(small);
      if (splitLarge) this.consider(large);
    }
    return true;
  }

  /** Partitions `rows[from … to)` by a split (left first); where the right side starts. */
  private partition(from: number, to: number, f: number, bin: number, missLeft: number): number {
    const { columns, nRows, valueBins } = this.bins;
    const missing = valueBins[f]!;
    return partitionRows(
      this.rows,
      this.scratch,
      from,
      to,
      columns,
      f * nRows,
      bin,
      missing,
      missLeft,
    );
  }

  /** Adds the gradients of `rows[from … to)` into `hist`. */
  private build(hist: Float64Array, from: number, to: number): void {
    const { codes, nFeatures } = this.bins;
    if (this.nSelected === nFeatures) {
      buildHistogram(hist, this.rows, from, to, this.gh, codes, nFeatures);
    } else {
      const { selected, nSelected } = this;
      buildHistogramOf(hist, this.rows, from, to, this.gh, codes, nFeatures, selected, nSelected);
    }
  }

  /**
   * Scans `node`'s histogram for the split of highest gain (XGBoost's, without the ½:
   * G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)), trying missing values on either side. Records it
   * and returns true when one beats both `gamma` and rounding noise.
   */
  private evaluate(node: number): boolean {
    const hist = this.hists[node]!;
    const { lambda, gamma, minChildWeight } = this.opts;
    const { offsets, valueBins } = this.bins;
    const G = this.sumG[node]!;
    const H = this.sumH[node]!;
    const parent = (G * G) / (H + lambda);
    // A child needs some hessian even when minChildWeight is 0: subtraction dust can be ≤ 0.
    const minH = minChildWeight > 0 ? minChildWeight : Number.MIN_VALUE;
    let best = -Infinity;
    let bestF = -1;
    let bestB = 0;
    let bestMissLeft = 0;
    let bestLG = 0;
    let bestLH = 0;
    for (let j = 0; j < this.nSelected; j++) {
      const f = this.selected[j]!;
      const first = offsets[f]! << 1;
      const nBins = valueBins[f]!;
      const missAt = first + 2 * nBins;
      const gm = hist[missAt]!;
      const hm = hist[missAt + 1]!;
      const hasMissing = hm > MISSING_DUST * H;
      // Missing values go right: left takes value bins 0 … b.
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < nBins - 1; b++) {
        gl += hist[first + 2 * b]!;
        hl += hist[first + 2 * b + 1]!;
        if (hl < minH) continue;
        const hr = H - hl;
        if (hr < minH) break;
        const gr = G - gl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
        if (gain > best) {
          best = gain;
          bestF = f;
          bestB = b;
          // Without missing rows here, XGBoost's default direction is the side of more cover.
          bestMissLeft = hasMissing ? 0 : hl >= hr ? 1 : 0;
          bestLG = gl;
          bestLH = hl;
        }
      }
      if (!hasMissing) continue;
      // Missing values go left: left takes the missing bin and value bins 0 … b (b = −1: none).
      gl = gm;
      hl = hm;
      for (let b = -1; b < nBins - 1; b++) {
        if (b >= 0) {
          gl += hist[first + 2 * b]!;
          hl += hist[first + 2 * b + 1]!;
        }
        if (hl < minH) continue;
        const hr = H - hl;
        if (hr < minH) break;
        const gr = G - gl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
        if (gain > best) {
          best = gain;
          bestF = f;
          bestB = b;
          bestMissLeft = 1;
          bestLG = gl;
          bestLH = hl;
        }
      }
    }
    // As XGBoost's hist grower: a split must beat rounding noise, and gain at least `gamma`.
    if (!(best > MIN_GAIN && best >= gamma)) return false;
    this.bestGain[node] = best;
    this.bestFeature[node] = bestF;
    this.bestBin[node] = bestB;
    this.bestMissingLeft[node] = bestMissLeft;
    this.bestLeftG[node] = bestLG;
    this.bestLeftH[node] = bestLH;
    return true;
  }

  private acquire(): Float64Array {
    const hist = this.pool.pop();
    if (hist) {
      hist.fill(0);
      return hist;
    }
    return new Float64Array(2 * this.bins.totalBins);
  }

  private release(node: number): void {
    const hist = this.hists[node];
    if (hist) this.pool.push(hist);
    this.hists[node] = null;
  }

  /** The grown tree as a {@link Tree}, leaf values set. */
  private finish(): Tree {
    const n = this.nNodes;
    const { lambda, learningRate } = this.opts;
    for (let node = 0; node < n; node++) {
      if (this.feature[node] === -1) {
        const denominator = this.sumH[node]! + lambda;
        this.value[node] = denominator > 0 ? (-this.sumG[node]! / denominator) * learningRate : 0;
        this.left[node] = -1;
        this.right[node] = -1;
        this.threshold[node] = 0;
        this.missingLeft[node] = 0;
      } else {
        this.value[node] = 0;
      }
    }
    return {
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      missingLeft: this.missingLeft.slice(0, n),
      value: this.value.slice(0, n),
      cover: this.sumH.slice(0, n),
    };
  }
}

/** `into −= minus`, element-wise. */
function subtract(into: Float64Array, minus: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i]! -= minus[i]!;
}

/** Writes the gradient and hessian sums of the rows `rows[0 … n)` to `out[0]`, `out[1]`. */
function sumGradients(gh: Float64Array, rows: Int32Array, n: number, out: Float64Array): void {
  let g = 0;
  let h = 0;
  for (let k = 0; k < n; k++) {
    const r = rows[k]!;
    g += gh[2 * r]!;
    h += gh[2 * r + 1]!;
  }
  out[0] = g;
  out[1] = h;
}

/**
 * Stable in-place partition of `rows[from … to)` by the per-feature bins `columns[colBase + r]`:
 * bins ≤ `bin`, and the missing bin when `missLeft` is 1, first. Returns where the rest starts.
 */
function partitionRows(
  rows: Int32Array,
  scratch: Int32Array,
  from: number,
  to: number,
  columns: Uint8Array | Uint16Array,
  colBase: number,
  bin: number,
  missing: number,
  missLeft: number,
): number {
  let w = from;
  let s = 0;
  // Branch-free: which side a row takes is a coin flip to the branch predictor.
  for (let k = from; k < to; k++) {
    const r = rows[k]!;
    const b = columns[colBase + r]!;
    const goLeft = +(b <= bin) | (missLeft & +(b === missing));
    rows[w] = r;
    scratch[s] = r;
    w += goLeft;
    s += 1 - goLeft;
  }
  rows.set(scratch.subarray(0, s), w);
  return w;
}

/**
 * Adds each row of `rows[from … to)`'s gradient and hessian (`gh[2r]`, `gh[2r + 1]`) into the
 * histogram slot pairs of all its features.
 */
function buildHistogram(
  hist: Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  gh: Float64Array,
  codes: Uint16Array | Uint32Array,
  nFeatures: number,
): void {
  // Unrolled by four: independent slots let the CPU overlap the read-modify-writes.
  const tail = nFeatures - (nFeatures & 3);
  for (let k = from; k < to; k++) {
    const r = rows[k]!;
    const g = gh[2 * r]!;
    const h = gh[2 * r + 1]!;
    const base = r * nFeatures;
    let f = 0;
    for (; f < tail; f += 4) {
      const a0 = codes[base + f]! << 1;
      const a1 = codes[base + f + 1]! << 1;
      const a2 = codes[base + f + 2]! << 1;
      const a3 = codes[base + f + 3]! << 1;
      hist[a0]! += g;
      hist[a0 + 1]! += h;
      hist[a1]! += g;
      hist[a1 + 1]! += h;
      hist[a2]! += g;
      hist[a2 + 1]! += h;
      hist[a3]! += g;
      hist[a3 + 1]! += h;
    }
    for (; f < nFeatures; f++) {
      const at = codes[base + f]! << 1;
      hist[at]! += g;
      hist[at + 1]! += h;
    }
  }
}

/** {@link buildHistogram} for the features `selected[0 … nSelected)` only. */
function buildHistogramOf(
  hist: Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  gh: Float64Array,
  codes: Uint16Array | Uint32Array,
  nFeatures: number,
  selected: Int32Array,
  nSelected: number,
): void {
  const tail = nSelected - (nSelected & 3);
  for (let k = from; k < to; k++) {
    const r = rows[k]!;
    const g = gh[2 * r]!;
    const h = gh[2 * r + 1]!;
    const base = r * nFeatures;
    let j = 0;
    for (; j < tail; j += 4) {
      const a0 = codes[base + selected[j]!]! << 1;
      const a1 = codes[base + selected[j + 1]!]! << 1;
      const a2 = codes[base + selected[j + 2]!]! << 1;
      const a3 = codes[base + selected[j + 3]!]! << 1;
      hist[a0]! += g;
      hist[a0 + 1]! += h;
      hist[a1]! += g;
      hist[a1 + 1]! += h;
      hist[a2]! += g;
      hist[a2 + 1]! += h;
      hist[a3]! += g;
      hist[a3 + 1]! += h;
    }
    for (; j < nSelected; j++) {
      const at = codes[base + selected[j]!]! << 1;
      hist[at]! += g;
      hist[at + 1]! += h;
    }
  }
}

/** Adds `v` to the margins of the rows `rows[from … to)` and multiplies their odds by `ev`. */
function addLeaf(
  margins: Float64Array,
  odds: Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  v: number,
  ev: number,
): void {
  for (let k = from; k < to; k++) {
    const r = rows[k]!;
    margins[r]! += v;
    odds[r]! *= ev;
  }
}
