// The worker of the machine-learning benchmark (`bench/ml-bench.ts`): trains the app's boosted
// trees and explains them with TreeSHAP on the table it is sent, and runs the app's whole
// key-drivers analysis against the bare training of its trees, timing each step inside the
// worker (data generation and transfer are not timed). A `warm-up` message runs the same code on
// a small table first, so that the timed run does not pay for the JIT compiling it.
import { parentPort } from 'node:worker_threads';
import { auc } from '../src/core/ml/classifier-metrics.ts';
import { trainGbdt, type GbdtOptions } from '../src/core/ml/gbdt.ts';
import { fitLogistic, predictLogisticMargins } from '../src/core/ml/logistic-regression.ts';
import { treeShap } from '../src/core/ml/tree-shap.ts';
import { predictMargins, type FeatureMatrix } from '../src/core/ml/tree-model.ts';
import { DRIVER_DEFAULTS, keyDrivers, type DriverStage } from '../src/core/analysis/drivers.ts';
import { stratifiedSplit } from '../src/core/ml/classifier-metrics.ts';
import { expandFeatures, selectRows } from '../src/core/ml/feature-matrix.ts';

/** A table as sent to the worker: column-major values, NaN for missing, 0/1 labels. */
export interface MlTable {
  nRows: number;
  nFeatures: number;
  values: Float64Array;
  y: Float64Array;
}

export interface MlRequest {
  kind: 'warm-up' | 'run';
  train: MlTable;
  test: MlTable;
  options: Partial<GbdtOptions>;
  /** How many holdout rows (the first ones) TreeSHAP explains. */
  shapRows: number;
  /** Which parts to run: the model against XGBoost's, the drivers analysis, or both. */
  parts: { model: boolean; drivers: boolean };
}

/** One driver as the analysis reported it, to compare runs. */
export interface DriverFigure {
  feature: string;
  shapShare: number;
  meanAbsShap: number;
  shapInterval: [number, number];
  relativeWeight: number;
  weightInterval: [number, number];
}

/** A span of time: elapsed, and CPU time of the process (user + system) over it. */
export interface Span {
  ms: number;
  cpuMs: number;
}

/** The key-drivers analysis against the bare training of its trees, in the same worker. */
export interface DriversReply {
  /**
   * The bare training, timed before and after the analysis: the analysis's own trees
   * (`DRIVER_DEFAULTS.gbdt`, its seed) on its own training split, nothing else.
   */
  train: [Span, Span];
  analysis: Span;
  /** Time per stage of the analysis, in the order the stages ran (from its progress calls). */
  phases: ({ phase: string } & Span)[];
  /** Trees kept by the bare training and by the analysis: the same trees when equal. */
  trainTrees: number;
  trees: number;
  holdoutAuc: number;
  baselineAuc: number;
  additivityMaxError: number;
  drivers: DriverFigure[];
}

/** The figures of the model part (zero when it did not run) and of the drivers part. */
export interface MlReply {
  kind: MlRequest['kind'];
  trainMs: number;
  trees: number;
  /** Leaves over all trees. */
  leaves: number;
  /** The deepest leaf's depth (the root is at depth 0). */
  deepest: number;
  /** Holdout ROC AUC of the margins. */
  auc: number;
  /** Holdout margins (for the report's cross-checks). */
  margins: Float64Array;
  predictMs: number;
  shapMs: number;
  shapRows: number;
  /** The largest |base + Σ SHAP − margin| over the explained rows. */
  additivityError: number;
  /** Holdout AUC of the app's logistic regression (its linear baseline), on the same rows. */
  linearAuc: number;
  drivers: DriversReply | null;
}

function matrix(t: MlTable): FeatureMatrix {
  const names = Array.from({ length: t.nFeatures }, (_, f) => `x${f}`);
  return { nRows: t.nRows, nFeatures: t.nFeatures, values: t.values, names };
}

function runModel(req: MlRequest): Omit<MlReply, 'kind' | 'drivers'> {
  const train = matrix(req.train);
  const test = matrix(req.test);

  const t0 = performance.now();
  const { ensemble } = trainGbdt(train, req.train.y, req.options);
  const trainMs = performance.now() - t0;

  let leaves = 0;
  let deepest = 0;
  for (const tree of ensemble.trees) {
    const depth = new Int32Array(tree.feature.length);
    for (let node = 0; node < tree.feature.length; node++) {
      if (tree.feature[node]! < 0) {
        leaves++;
        deepest = Math.max(deepest, depth[node]!);
      } else {
        depth[tree.left[node]!] = depth[node]! + 1;
        depth[tree.right[node]!] = depth[node]! + 1;
      }
    }
  }

  const t1 = performance.now();
  const margins = predictMargins(ensemble, test);
  const predictMs = performance.now() - t1;

  const n = Math.min(req.shapRows, test.nRows);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const t2 = performance.now();
  const shap = treeShap(ensemble, test, rows);
  const shapMs = performance.now() - t2;

  let additivityError = 0;
  for (let r = 0; r < n; r++) {
    let sum = shap.base;
    for (let f = 0; f < shap.nFeatures; f++) sum += shap.values[r * shap.nFeatures + f]!;
    additivityError = Math.max(additivityError, Math.abs(sum - margins[rows[r]!]!));
  }

  // Not timed: it only shows that the table needs more than a straight line.
  const linear = fitLogistic(train, req.train.y);
  const linearAuc = auc(predictLogisticMargins(linear, test), req.test.y);

  return {
    trainMs,
    trees: ensemble.trees.length,
    leaves,
    deepest,
    auc: auc(margins, req.test.y),
    margins,
    predictMs,
    shapMs,
    shapRows: n,
    additivityError,
    linearAuc,
  };
}

/** What the drivers cell reads: every row of the table, train and holdout together. */
function driverColumns(req: MlRequest) {
  const nAll = req.train.nRows + req.test.nRows;
  const columns = Array.from({ length: req.train.nFeatures }, (_, f) => {
    const values = new Float64Array(nAll);
    values.set(req.train.values.subarray(f * req.train.nRows, (f + 1) * req.train.nRows));
    values.set(
      req.test.values.subarray(f * req.test.nRows, (f + 1) * req.test.nRows),
      req.train.nRows,
    );
    return { name: `x${f}`, kind: 'numeric' as const, values };
  });
  const y = new Uint8Array(nAll);
  y.set(req.train.y);
  y.set(req.test.y, req.train.nRows);
  return { columns, rows: Int32Array.from({ length: nAll }, (_, i) => i), y };
}

const SEED = 1;

/**
 * Now, elapsed and in CPU time. The CPU time is the whole process's, but the other threads wait
 * while the worker computes; on a shared machine it is the steadier of the two.
 */
function clock(): Span {
  const cpu = process.cpuUsage();
  return { ms: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 };
}

function since(start: Span, end = clock()): Span {
  return { ms: end.ms - start.ms, cpuMs: end.cpuMs - start.cpuMs };
}

/**
 * The analysis's own trees on its own training split (the same expansion, stratified split and
 * options as `keyDrivers` with its defaults): the yardstick the whole analysis is measured by.
 */
function bareTraining(input: ReturnType<typeof driverColumns>): { span: Span; trees: number } {
  const x = expandFeatures(input.columns, input.rows).matrix;
  const split = stratifiedSplit(input.y, DRIVER_DEFAULTS.holdoutFraction, SEED);
  const xTrain = selectRows(x, split.train);
  const yTrain = Uint8Array.from(split.train, (i) => input.y[i]!);
  const start = clock();
  const { ensemble } = trainGbdt(xTrain, yTrain, { ...DRIVER_DEFAULTS.gbdt, seed: SEED });
  return { span: since(start), trees: ensemble.trees.length };
}

/** Stage names for the profile: the bootstrap stage's three steps are told apart. */
function phaseOf(stage: DriverStage, done: number): string {
  if (stage !== 'bootstrap') return stage;
  return ['refits', 'weights', 'finish'][Math.min(2, Math.floor(done))]!;
}

function runDrivers(req: MlRequest): DriversReply {
  const input = driverColumns(req);
  // Not timed: the first full-size training also grows the heap, which made it 10–20% slower
  // than the same training later, and the yardstick must not be flattered by that.
  if (req.kind === 'run') bareTraining(input);
  const before = bareTraining(input);
  const phases: ({ phase: string } & Span)[] = [];
  let phase = '';
  let phaseStart = clock();
  const start = phaseStart;
  const result = keyDrivers(input.columns, input.rows, input.y, {
    seed: SEED,
    onProgress: (stage, done) => {
      const next = phaseOf(stage, done);
      if (next === phase) return;
      const now = clock();
      if (phase) phases.push({ phase, ...since(phaseStart, now) });
      phase = next;
      phaseStart = now;
    },
  });
  const end = clock();
  if (phase) phases.push({ phase, ...since(phaseStart, end) });
  const after = bareTraining(input);
  return {
    train: [before.span, after.span],
    analysis: since(start, end),
    phases,
    trainTrees: before.trees,
    trees: result.quality.trees,
    holdoutAuc: result.quality.holdoutAuc,
    baselineAuc: result.quality.baselineAuc,
    additivityMaxError: result.additivityMaxError,
    drivers: result.drivers.map((d) => ({
      feature: d.feature,
      shapShare: d.shapShare,
      meanAbsShap: d.meanAbsShap,
      shapInterval: d.shapInterval,
      relativeWeight: d.relativeWeight,
      weightInterval: d.weightInterval,
    })),
  };
}

function run(req: MlRequest): MlReply {
  const none = {
    trainMs: 0,
    trees: 0,
    leaves: 0,
    deepest: 0,
    auc: NaN,
    margins: new Float64Array(0),
    predictMs: 0,
    shapMs: 0,
    shapRows: 0,
    additivityError: NaN,
    linearAuc: NaN,
  };
  const model = req.parts.model ? runModel(req) : none;
  const drivers = req.parts.drivers ? runDrivers(req) : null;
  return { kind: req.kind, ...model, drivers };
}

parentPort?.on('message', (req: MlRequest) => {
  try {
    const reply = run(req);
    parentPort!.postMessage(reply, [reply.margins.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ kind: 'error', message: String((error as Error)?.stack ?? error) });
  }
});
