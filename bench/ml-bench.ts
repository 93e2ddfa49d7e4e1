// The machine-learning benchmark: the app's gradient-boosted trees (`src/core/ml/gbdt.ts`) and
// exact TreeSHAP (`src/core/ml/tree-shap.ts`) on a seeded synthetic table of 100,000 rows × 20
// features, in one Node worker, against XGBoost (Debian's python3-xgboost, `hist`, one thread)
// trained on the same rows in the same run; and the app's whole key-drivers analysis of the
// same rows against the bare training of its own trees on its own training split, in the same
// worker. Prints the figures; writes nothing into the repository.
//
//   npx tsx bench/ml-bench.ts
//
// Environment: BENCH_ML_ROWS (default 100000), BENCH_ML_TREES (default 100), BENCH_ML_DEPTH
// (default 6), BENCH_ML_SHAP_ROWS (default 10000), BENCH_ML_SEED (default 1),
// BENCH_ML_XGBOOST=0 to skip XGBoost, BENCH_ML_INSTALL=0 not to try `apt-get install
// python3-xgboost` when it is missing, BENCH_ML_ONLY=model or BENCH_ML_ONLY=drivers to run one
// part only, BENCH_ML_DRIVERS_OUT=<file> to write the drivers found (JSON) for comparing runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { auc } from '../src/core/ml/classifier-metrics.ts';
import type { GbdtOptions } from '../src/core/ml/gbdt.ts';
import { Rng } from '../src/core/random.ts';
import type { DriversReply, MlReply, MlRequest, MlTable, Span } from './ml-worker.ts';
import { codeVersion, recordFigures, textTable, type BenchFigure } from './bench-report.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const ROWS = Number(process.env.BENCH_ML_ROWS ?? 100_000);
const TREES = Number(process.env.BENCH_ML_TREES ?? 100);
const DEPTH = Number(process.env.BENCH_ML_DEPTH ?? 6);
const SHAP_ROWS = Number(process.env.BENCH_ML_SHAP_ROWS ?? 10_000);
const SEED = Number(process.env.BENCH_ML_SEED ?? 1);
const XGBOOST = process.env.BENCH_ML_XGBOOST !== '0';
const INSTALL = process.env.BENCH_ML_INSTALL !== '0';
const ONLY = process.env.BENCH_ML_ONLY ?? '';
const PARTS = { model: ONLY !== 'drivers', drivers: ONLY !== 'model' };
const DRIVERS_OUT = process.env.BENCH_ML_DRIVERS_OUT ?? '';
const FEATURES = 20;
const TRAIN_SHARE = 0.7;
const POSITIVE_SHARE = 0.3;
const MISSING_SHARE = 0.03;
/** Debian's interpreter: the `python3` on PATH may be another one, without xgboost. */
const PYTHON = '/usr/bin/python3';

/** The issue's targets. */
const TARGET_TRAIN_RATIO = 3;
const TARGET_AUC_GAP = 0.01;
const TARGET_SHAP_NS = 10;
/** The whole drivers analysis against the bare training of its trees: floor and goal. */
const DRIVERS_FLOOR = 5;
const DRIVERS_GOAL = 3;

/** XGBoost's defaults, and its `hist` binning: the same trees on both sides. */
const OPTIONS: Partial<GbdtOptions> = {
  maxTrees: TREES,
  maxDepth: DEPTH,
  maxLeaves: 0,
  learningRate: 0.3,
  subsample: 1,
  colsample: 1,
  lambda: 1,
  minChildWeight: 1,
  gamma: 0,
  maxBins: 256,
  earlyStoppingRounds: 0,
  validationFraction: 0,
  seed: SEED,
};

const fmtN = (n: number) => n.toLocaleString('en-US');
const fmtS = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 2)} s`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function log(msg: string) {
  process.stdout.write(`[ml-bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// The table

interface Dataset {
  train: MlTable;
  test: MlTable;
  positiveShare: number;
  missingShare: number;
}

/**
 * A seeded synthetic table: continuous features (normal, correlated, uniform, log-normal),
 * integer ones (a 0–10 score, a count, a 1–5 scale, a binary flag, a 4-level plan code), five
 * pure-noise columns, ~3% missing values in five features, and a binary target drawn from a
 * logistic model with thresholds, curves and interactions (so that trees beat a straight line),
 * its intercept set for ~30% positives. Values are rounded to float32, the precision XGBoost
 * reads, so that both sides see the same numbers. Split 70/30 at random (seeded).
 */
function generate(nRows: number, seed: number): Dataset {
  const rng = Rng.derive(seed, 'ml-bench/table');
  const cols = Array.from({ length: FEATURES }, () => new Float64Array(nRows));
  const logit = new Float64Array(nRows);
  const plan = [0, 0.5, -0.6, 1];
  for (let i = 0; i < nRows; i++) {
    const x0 = rng.normal();
    const x1 = 0.5 * x0 + Math.sqrt(0.75) * rng.normal(); // correlated with x0
    const x2 = rng.next();
    const x3 = rng.normal();
    const x4 = rng.uniform(-2, 2);
    const x5 = Math.exp(rng.normal(0, 0.8)); // skewed, like a revenue
    const x6 = rng.normal();
    const x7 = rng.int(0, 10); // a 0–10 score
    const x8 = rng.poisson(2); // a count
    const x9 = rng.bernoulli(0.4) ? 1 : 0;
    const x10 = rng.int(1, 5); // a 1–5 scale
    const x11 = rng.normal();
    const x12 = rng.next();
    const x13 = rng.normal();
    const x14 = rng.int(0, 3); // a plan's code
    const row = [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14];
    row.push(rng.normal(), rng.next(), rng.int(0, 9), rng.normal(), rng.normal(0, 3)); // noise
    for (let f = 0; f < FEATURES; f++) cols[f]![i] = Math.fround(row[f]!);
    logit[i] =
      0.9 * x0 -
      0.6 * x1 +
      0.7 * x0 * x3 +
      (x2 > 0.65 ? 1.2 : 0) +
      Math.sin(2 * x4) +
      (x5 > 2 ? 0.8 : 0) -
      0.4 * x6 * x6 +
      0.25 * (x7 - 5) * (x9 === 1 ? 1.4 : 0.4) +
      0.3 * Math.min(x8, 4) +
      (x10 >= 4 ? 0.7 : 0) +
      0.6 * x11 * (x12 > 0.5 ? 1 : -1) +
      0.5 * Math.abs(x13) +
      plan[x14]!;
  }
  // The intercept that gives POSITIVE_SHARE positives on average (bisection).
  let lo = -20;
  let hi = 20;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    let mean = 0;
    for (let i = 0; i < nRows; i++) mean += 1 / (1 + Math.exp(-(logit[i]! + mid)));
    if (mean / nRows > POSITIVE_SHARE) hi = mid;
    else lo = mid;
  }
  const intercept = (lo + hi) / 2;
  const labelRng = Rng.derive(seed, 'ml-bench/labels');
  const y = new Float64Array(nRows);
  let positives = 0;
  for (let i = 0; i < nRows; i++) {
    y[i] = labelRng.next() < 1 / (1 + Math.exp(-(logit[i]! + intercept))) ? 1 : 0;
    positives += y[i]!;
  }
  // Missing completely at random, after the labels: the target saw the true value.
  const missRng = Rng.derive(seed, 'ml-bench/missing');
  let missing = 0;
  for (const f of [2, 5, 8, 13, 18]) {
    for (let i = 0; i < nRows; i++) {
      if (missRng.next() < MISSING_SHARE) {
        cols[f]![i] = NaN;
        missing++;
      }
    }
  }

  const order = Array.from({ length: nRows }, (_, i) => i);
  Rng.derive(seed, 'ml-bench/split').shuffle(order);
  const nTrain = Math.round(TRAIN_SHARE * nRows);
  const part = (rows: number[]): MlTable => {
    const n = rows.length;
    const values = new Float64Array(n * FEATURES);
    const labels = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const r = rows[k]!;
      for (let f = 0; f < FEATURES; f++) values[f * n + k] = cols[f]![r]!;
      labels[k] = y[r]!;
    }
    return { nRows: n, nFeatures: FEATURES, values, y: labels };
  };
  return {
    train: part(order.slice(0, nTrain)),
    test: part(order.slice(nTrain)),
    positiveShare: positives / nRows,
    missingShare: missing / (nRows * FEATURES),
  };
}

/** The first `n` rows of a table (a small table for the warm-up). */
function head(t: MlTable, n: number): MlTable {
  const values = new Float64Array(n * t.nFeatures);
  for (let f = 0; f < t.nFeatures; f++) {
    values.set(t.values.subarray(f * t.nRows, f * t.nRows + n), f * n);
  }
  return { nRows: n, nFeatures: t.nFeatures, values, y: t.y.slice(0, n) };
}

// ---------------------------------------------------------------------------------------------
// Processes to clean up on exit or on a signal

let tmp: string | null = null;
let worker: Worker | null = null;
let child: ChildProcess | null = null;

function cleanup() {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  child = null;
  void worker?.terminate();
  worker = null;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = null;
}

function onSignal(signal: NodeJS.Signals) {
  log(`${signal}: stopping`);
  cleanup();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Runs a command, its output collected; never rejects (a failure to start is exit code -1). */
function runCommand(
  cmd: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const proc = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const timer = setTimeout(() => proc.kill('SIGTERM'), timeoutMs);
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = (code: number) => {
      clearTimeout(timer);
      if (child === proc) child = null;
      resolve({ code, stdout, stderr });
    };
    proc.on('error', (e) => {
      stderr += String(e);
      done(-1);
    });
    proc.on('close', (code) => done(code ?? -1));
  });
}

// ---------------------------------------------------------------------------------------------
// Our side: one worker

/**
 * Starts `ml-worker.ts` in a worker thread. On Node 20 a worker does not inherit the tsx loader
 * (`execArgv: ['--import', 'tsx']` registers it too late for the entry module), so the worker
 * starts from a one-line script that loads its TypeScript entry through tsx's `tsImport`.
 */
function startWorker(): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./ml-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const w = new Worker(code, { eval: true });
  worker = w;
  return w;
}

function ask(w: Worker, req: MlRequest): Promise<MlReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: MlReply | { kind: 'error'; message: string }) => {
      w.off('error', onError);
      if (reply.kind === 'error') reject(new Error(`ml-worker: ${reply.message}`));
      else resolve(reply);
    };
    const onError = (e: Error) => {
      w.off('message', onMessage);
      reject(e);
    };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage(req);
  });
}

// ---------------------------------------------------------------------------------------------
// XGBoost

interface XgbReply {
  version: string;
  trainS: number;
  dmatrixS: number;
  auc: number;
  aucMethod: string;
  trees: number;
  leaves: number;
  shapS: number;
  shapRows: number;
  additivityError: number;
}

/** Whether Debian's Python has xgboost, installing python3-xgboost once when allowed. */
async function ensureXgboost(): Promise<{ ok: boolean; note: string }> {
  if (!XGBOOST) return { ok: false, note: 'skipped (BENCH_ML_XGBOOST=0)' };
  if (!existsSync(PYTHON)) return { ok: false, note: `skipped: no ${PYTHON}` };
  const probe = () => runCommand(PYTHON, ['-c', 'import numpy, xgboost'], 60_000);
  if ((await probe()).code === 0) return { ok: true, note: 'installed' };
  if (!INSTALL) return { ok: false, note: 'skipped: python3-xgboost is not installed' };
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    return { ok: false, note: 'skipped: python3-xgboost is not installed (no root or no apt-get)' };
  }
  log('python3-xgboost is missing: apt-get install -y python3-xgboost');
  const install = () =>
    runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'python3-xgboost'], 600_000);
  let res = await install();
  if (res.code !== 0) {
    log('apt-get install failed; apt-get update, then one more try');
    await runCommand('apt-get', ['update'], 300_000);
    res = await install();
  }
  if (res.code === 0 && (await probe()).code === 0) {
    return { ok: true, note: 'installed by this run (apt-get install python3-xgboost)' };
  }
  const why = res.stderr.trim().split('\n').pop() ?? '';
  return { ok: false, note: `skipped: apt-get install python3-xgboost failed (${why})` };
}

function writeTable(dir: string, name: string, t: MlTable) {
  const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  writeFileSync(join(dir, `${name}-x.f64`), bytes(t.values));
  writeFileSync(join(dir, `${name}-y.f64`), bytes(t.y));
}

async function runXgboost(
  dir: string,
  data: Dataset,
): Promise<{ reply: XgbReply; margins: Float64Array } | { error: string }> {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return { error: 'big-endian host' };
  writeTable(dir, 'train', data.train);
  writeTable(dir, 'test', data.test);
  const header = {
    nFeatures: FEATURES,
    trainRows: data.train.nRows,
    testRows: data.test.nRows,
    trees: TREES,
    maxDepth: DEPTH,
    learningRate: OPTIONS.learningRate,
    maxBins: OPTIONS.maxBins,
    shapRows: SHAP_ROWS,
    seed: SEED,
  };
  writeFileSync(join(dir, 'header.json'), JSON.stringify(header));
  const res = await runCommand(PYTHON, [join(root, 'bench/ml-xgboost.py'), dir], 1_800_000);
  const last = res.stdout.trim().split('\n').pop() ?? '';
  if (res.code !== 0 || !last.startsWith('{')) {
    return { error: `ml-xgboost.py exited with ${res.code}: ${res.stderr.trim().slice(-500)}` };
  }
  const buf = readFileSync(join(dir, 'xgb-margins.f64'));
  const margins = new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  return { reply: JSON.parse(last) as XgbReply, margins };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  tmp = mkdtempSync(join(tmpdir(), 'cx-trace-ml-bench-'));
  try {
    const cpu = cpus();
    log(
      `${codeVersion(['src/core/ml', 'src/core/analysis', 'src/core/random.ts'])}, Node ${process.version}, ${process.platform} ${process.arch}, ` +
        `${cpu.length} CPUs (${cpu[0]?.model.trim() ?? '?'}), load average ${loadavg()[0]!.toFixed(2)}`,
    );

    const xgbAvailable = await ensureXgboost();
    log(`XGBoost: ${xgbAvailable.note}`);

    let t = performance.now();
    const data = generate(ROWS, SEED);
    log(
      `generated ${fmtN(ROWS)} rows × ${FEATURES} features in ${fmtS(performance.now() - t)}: ` +
        `${(100 * data.positiveShare).toFixed(1)}% positives, ` +
        `${(100 * data.missingShare).toFixed(2)}% of cells missing; ` +
        `${fmtN(data.train.nRows)} training / ${fmtN(data.test.nRows)} holdout rows`,
    );

    t = performance.now();
    const w = startWorker();
    const warmRows = Math.min(5000, data.train.nRows);
    await ask(w, {
      kind: 'warm-up',
      train: head(data.train, warmRows),
      test: head(data.test, Math.min(1000, data.test.nRows)),
      options: { ...OPTIONS, maxTrees: Math.min(10, TREES) },
      shapRows: 200,
      parts: PARTS,
    });
    log(
      `worker started and warmed up (${fmtN(warmRows)} rows, 10 trees) in ${fmtS(performance.now() - t)}`,
    );

    if (PARTS.model) {
      log(
        `training ${TREES} trees of depth ${DEPTH} in the worker, then TreeSHAP for ${fmtN(SHAP_ROWS)} rows`,
      );
    }
    if (PARTS.drivers) {
      log('the drivers analysis, between two bare trainings of its trees (after an untimed one)');
    }
    const ours = await ask(w, {
      kind: 'run',
      train: data.train,
      test: data.test,
      options: OPTIONS,
      shapRows: SHAP_ROWS,
      parts: PARTS,
    });
    await w.terminate();
    worker = null;
    if (PARTS.model) log(`ours: trained in ${fmtS(ours.trainMs)}, SHAP in ${fmtS(ours.shapMs)}`);

    let xgb: { reply: XgbReply; margins: Float64Array } | null = null;
    let xgbNote = xgbAvailable.note;
    if (xgbAvailable.ok && PARTS.model) {
      log('XGBoost (hist, 1 thread) on the same rows');
      const res = await runXgboost(tmp, data);
      if ('error' in res) {
        xgbNote = `failed: ${res.error}`;
        log(`XGBoost ${xgbNote}`);
      } else {
        xgb = res;
        log(`XGBoost ${res.reply.version}: trained in ${fmtS(1000 * res.reply.trainS)}`);
      }
    }

    if (PARTS.model) report(data, ours, xgb, xgbNote);
    if (ours.drivers) reportDrivers(data, ours.drivers);
  } finally {
    cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function report(
  data: Dataset,
  ours: MlReply,
  xgb: { reply: XgbReply; margins: Float64Array } | null,
  xgbNote: string,
) {
  const x = xgb?.reply;
  const depth2 = DEPTH * DEPTH;
  const nsPer = (ms: number, rows: number, leaves: number) => (1e6 * ms) / (rows * leaves * depth2);
  const oursNs = nsPer(ours.shapMs, ours.shapRows, ours.leaves);
  const xgbNs = x ? nsPer(1000 * x.shapS, x.shapRows, x.leaves) : NaN;
  // Both AUCs from the same function (src/core/ml/classifier-metrics.ts) on the same rows.
  const xgbAuc = xgb ? auc(xgb.margins, data.test.y) : NaN;
  const ratio = x ? ours.trainMs / (1000 * x.trainS) : NaN;
  const gap = ours.auc - xgbAuc;
  const none = '—';

  const rows: string[][] = [
    [
      'Table',
      `${fmtN(ROWS)} rows × ${FEATURES} features`,
      '',
      '',
      `${fmtN(data.train.nRows)} train / ${fmtN(data.test.nRows)} holdout; ${(100 * data.positiveShare).toFixed(1)}% positives; ${(100 * data.missingShare).toFixed(2)}% cells missing`,
    ],
    [
      'Model',
      `${ours.trees} trees, depth ≤ ${DEPTH}`,
      x ? `${x.trees} trees, depth ≤ ${DEPTH}` : none,
      '',
      `eta 0.3, λ 1, min child weight 1, 256 bins, no subsampling, no early stopping`,
    ],
    [
      'Leaves (all trees)',
      fmtN(ours.leaves),
      x ? fmtN(x.leaves) : none,
      '',
      `deepest leaf of ours at depth ${ours.deepest}`,
    ],
    [
      'Training, 1 thread',
      fmtS(ours.trainMs),
      x ? fmtS(1000 * x.trainS) : none,
      x ? `${ratio.toFixed(2)}×` : none,
      x
        ? `ours/XGBoost, target ≤ ${TARGET_TRAIN_RATIO}×: ${verdict(ratio <= TARGET_TRAIN_RATIO)}; binning included on both sides (XGBoost's DMatrix from numpy ${fmtS(1000 * x.dmatrixS)} not included)`
        : `XGBoost ${xgbNote}`,
    ],
    [
      'Holdout AUC',
      ours.auc.toFixed(4),
      x ? xgbAuc.toFixed(4) : none,
      x ? `${gap >= 0 ? '+' : ''}${gap.toFixed(4)}` : none,
      x
        ? `ours − XGBoost, target |gap| ≤ ${TARGET_AUC_GAP}: ${verdict(Math.abs(gap) <= TARGET_AUC_GAP)} (${fmtN(data.test.nRows)} rows; XGBoost's own ${x.aucMethod}: ${x.auc.toFixed(4)})`
        : none,
    ],
    [
      'Holdout AUC, linear baseline',
      ours.linearAuc.toFixed(4),
      '',
      '',
      "the app's logistic regression (fitLogistic) on the same rows, not timed: the table is not linear",
    ],
    [
      `SHAP, ${fmtN(ours.shapRows)} holdout rows`,
      fmtS(ours.shapMs),
      x ? fmtS(1000 * x.shapS) : none,
      x ? `${(ours.shapMs / (1000 * x.shapS)).toFixed(2)}×` : none,
      `ours: treeShap in the worker; XGBoost: predict(pred_contribs=True), 1 thread`,
    ],
    [
      'SHAP per row·leaf·depth²',
      `${oursNs.toFixed(2)} ns`,
      x ? `${xgbNs.toFixed(2)} ns` : none,
      '',
      `target ≤ ${TARGET_SHAP_NS} ns: ${verdict(oursNs <= TARGET_SHAP_NS)}; leaf = leaves of all trees, depth = ${DEPTH}`,
    ],
    [
      'SHAP additivity, max |base + ΣSHAP − margin|',
      ours.additivityError.toExponential(1),
      x ? x.additivityError.toExponential(1) : none,
      '',
      'XGBoost computes in float32',
    ],
    [
      `Prediction, ${fmtN(data.test.nRows)} holdout rows`,
      fmtS(ours.predictMs),
      '',
      '',
      'predictMargins, in the worker',
    ],
  ];
  process.stdout.write(
    `\n${textTable(['Measure', 'Ours', x ? `XGBoost ${x.version}` : 'XGBoost', 'Ratio / gap', 'Notes'], rows)}\n\n`,
  );
  const targets = [
    `training ${x ? `${ratio.toFixed(2)}× XGBoost (≤ ${TARGET_TRAIN_RATIO}×: ${verdict(ratio <= TARGET_TRAIN_RATIO)})` : 'not compared (no XGBoost)'}`,
    `AUC ${x ? `${gap >= 0 ? '+' : ''}${gap.toFixed(4)} vs XGBoost (within ${TARGET_AUC_GAP}: ${verdict(Math.abs(gap) <= TARGET_AUC_GAP)})` : 'not compared (no XGBoost)'}`,
    `SHAP ${oursNs.toFixed(2)} ns per row·leaf·depth² (≤ ${TARGET_SHAP_NS} ns: ${verdict(oursNs <= TARGET_SHAP_NS)})`,
  ];
  process.stdout.write(`Targets: ${targets.join('; ')}.\n`);
  process.stdout.write(
    'One run each, after a warm-up of both sides on a small table; absolute times are noisy, ' +
      'read the ratios (both measured in this run, one after the other, each on one thread).\n',
  );
  if (x) {
    recordFigures([
      {
        id: 'ml.train-vs-xgboost',
        label: `Training ${TREES} trees of depth ${DEPTH}, ours / XGBoost's`,
        unit: 'ratio',
        value: ratio,
        floor: TARGET_TRAIN_RATIO,
      },
    ]);
  }
}

/** What each stage of the analysis does (its progress stages, the bootstrap's three told apart). */
const PHASE_NOTES: Record<string, string> = {
  prepare: 'features expanded, leakage check, split',
  train: 'the trees fitted, holdout predicted',
  baseline: 'logistic regression',
  shap: 'TreeSHAP of the sample',
  refits: 'the trees refitted on 8 resamples, SHAP of each',
  weights: 'relative weights and their replicates',
  finish: 'intervals, views, correlations',
};

/**
 * The drivers part: the whole analysis against the bare training of its trees (the mean of the
 * trainings just before and just after it, so that a change in the machine's load during the
 * run weighs on both sides), the time per stage, and the drivers found.
 */
function reportDrivers(data: Dataset, d: DriversReply) {
  const nAll = data.train.nRows + data.test.nRows;
  const trainMs = (d.train[0].ms + d.train[1].ms) / 2;
  const trainCpuMs = (d.train[0].cpuMs + d.train[1].cpuMs) / 2;
  const ratio = d.analysis.ms / trainMs;
  const cpuRatio = d.analysis.cpuMs / trainCpuMs;
  const times = (s: Span) => [fmtS(s.ms), fmtS(s.cpuMs)];
  const rows: string[][] = [
    [
      'Bare training, before',
      ...times(d.train[0]),
      '',
      '',
      `trainGbdt with the analysis's options on its ${fmtN(Math.round((1 - 0.3) * nAll))}-row training split: ${d.trainTrees} trees kept (the analysis: ${d.trees})`,
    ],
    ['Bare training, after', ...times(d.train[1]), '', '', ''],
    [
      'Whole analysis',
      ...times(d.analysis),
      `${ratio.toFixed(2)}×`,
      `${cpuRatio.toFixed(2)}×`,
      `keyDrivers on ${fmtN(nAll)} rows, its defaults; floor ≤ ${DRIVERS_FLOOR}×: ${verdict(ratio <= DRIVERS_FLOOR)}, goal ≤ ${DRIVERS_GOAL}×: ${verdict(ratio <= DRIVERS_GOAL)}`,
    ],
    ...d.phases.map((p) => [
      `  ${p.phase}`,
      ...times(p),
      `${(p.ms / trainMs).toFixed(2)}×`,
      `${(p.cpuMs / trainCpuMs).toFixed(2)}×`,
      PHASE_NOTES[p.phase] ?? '',
    ]),
    [
      'Holdout AUC (trees / logistic)',
      `${d.holdoutAuc.toFixed(4)} / ${d.baselineAuc.toFixed(4)}`,
      '',
      '',
      '',
      `SHAP additivity ${d.additivityMaxError.toExponential(1)}`,
    ],
  ];
  process.stdout.write(
    `\n${textTable(['Key drivers', 'Elapsed', 'CPU', '× training', '× (CPU)', 'Notes'], rows)}\n\n`,
  );
  printDrivers(d);
  if (DRIVERS_OUT) writeFileSync(DRIVERS_OUT, JSON.stringify(d, null, 2));
  const figures: BenchFigure[] = [
    {
      id: 'drivers.analysis-vs-training',
      label: 'Key drivers, whole analysis / bare training of its trees',
      unit: 'ratio',
      value: ratio,
      floor: DRIVERS_FLOOR,
      goal: DRIVERS_GOAL,
    },
    {
      id: 'drivers.analysis-vs-training-cpu',
      label: 'Key drivers, the same ratio in CPU time (steadier on a shared machine)',
      unit: 'ratio',
      value: cpuRatio,
      floor: DRIVERS_FLOOR,
      goal: DRIVERS_GOAL,
    },
    {
      id: 'drivers.analysis-ms',
      label: 'Key drivers, whole analysis',
      unit: 'ms',
      value: d.analysis.ms,
    },
    {
      id: 'drivers.training-ms',
      label: 'Key drivers, bare training of its trees (mean of two)',
      unit: 'ms',
      value: trainMs,
    },
  ];
  recordFigures(figures);
}

/** The drivers found, ranked: both importances with their intervals, to compare runs by eye. */
function printDrivers(d: DriversReply) {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const rows = d.drivers.map((x, k) => [
    String(k + 1),
    x.feature,
    pct(x.shapShare),
    `${x.meanAbsShap.toFixed(4)} [${x.shapInterval[0].toFixed(4)}, ${x.shapInterval[1].toFixed(4)}]`,
    `${pct(x.relativeWeight)} [${pct(x.weightInterval[0])}, ${pct(x.weightInterval[1])}]`,
  ]);
  const header = ['#', 'Driver', 'SHAP share', 'Mean |SHAP| [95%]', 'Relative weight [95%]'];
  process.stdout.write(`${textTable(header, rows)}\n\n`);
}

main().catch((error: unknown) => {
  cleanup();
  console.error(error);
  process.exit(1);
});
