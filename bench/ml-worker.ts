// The worker of the machine-learning benchmark (`bench/ml-bench.ts`): trains the app's boosted
// trees and explains them with TreeSHAP on the table it is sent, timing each step inside the
// worker (data generation and transfer are not timed). A `warm-up` message runs the same code on
// a small table first, so that the timed run does not pay for the JIT compiling it.
import { parentPort } from 'node:worker_threads';
import { auc } from '../src/core/ml/classifier-metrics.ts';
import { trainGbdt, type GbdtOptions } from '../src/core/ml/gbdt.ts';
import { fitLogistic, predictLogisticMargins } from '../src/core/ml/logistic-regression.ts';
import { treeShap } from '../src/core/ml/tree-shap.ts';
import { predictMargins, type FeatureMatrix } from '../src/core/ml/tree-model.ts';
import { keyDrivers } from '../src/core/analysis/drivers.ts';

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
}

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
  /**
   * The whole key-drivers analysis of the app on all rows (its defaults: early-stopped shallow
   * trees, its own holdout, SHAP on 2,000 rows, 8 refits and relative weights for the intervals).
   */
  analysisMs: number;
  analysisAuc: number;
}

function matrix(t: MlTable): FeatureMatrix {
  const names = Array.from({ length: t.nFeatures }, (_, f) => `x${f}`);
  return { nRows: t.nRows, nFeatures: t.nFeatures, values: t.values, names };
}

function run(req: MlRequest): MlReply {
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

  // The app's whole analysis, on train and holdout rows together, as the drivers cell runs it.
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
  const yAll = new Uint8Array(nAll);
  yAll.set(req.train.y);
  yAll.set(req.test.y, req.train.nRows);
  const t3 = performance.now();
  const analysis = keyDrivers(
    columns,
    Int32Array.from({ length: nAll }, (_, i) => i),
    yAll,
    {
      seed: 1,
    },
  );
  const analysisMs = performance.now() - t3;

  return {
    kind: req.kind,
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
    analysisMs,
    analysisAuc: analysis.quality.holdoutAuc,
  };
}

parentPort?.on('message', (req: MlRequest) => {
  try {
    const reply = run(req);
    parentPort!.postMessage(reply, [reply.margins.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ kind: 'error', message: String((error as Error)?.stack ?? error) });
  }
});
