// The trace's long calibration suite: 200 generated worlds whose truth is known — 100 with a
// planted root, 50 with no cause at all, 25 with a halo between the ratings, 25 with the root
// missing from the model — traced with the app's defaults (the CI runs a subset of 60 in
// tests/unit/trace-calibration.test.ts), and the baseline trace (bench/trace-baseline.ts) on
// the same worlds. Prints the figures; writes nothing into the repository.
//
//   npx tsx bench/trace-calibration.ts
//
// Environment: BENCH_CALIBRATION_SCALE (default 1: 200 worlds; 0.5 for 100), BENCH_CALIBRATION_SEED
// (first seed, default 1001).
import { cpus, loadavg } from 'node:os';
import {
  generateTraceWorld,
  type TraceWorld,
  type TraceWorldVariant,
} from '../src/core/demo/trace-worlds.ts';
import {
  calibrate,
  type CalibrationOutcome,
} from '../src/core/analysis/trace/trace-calibration.ts';
import { trace as baselineTrace } from './trace-baseline.ts';
import { codeVersion, recordFigures, textTable } from './bench-report.ts';

const SCALE = Number(process.env.BENCH_CALIBRATION_SCALE ?? 1);
const FIRST_SEED = Number(process.env.BENCH_CALIBRATION_SEED ?? 1001);
const PLAN: [TraceWorldVariant, number][] = [
  ['planted', 100],
  ['null', 50],
  ['halo', 25],
  ['missing-root', 25],
];

function log(msg: string) {
  process.stdout.write(`[trace-calibration ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** What the baseline trace says on a world: the bottom of its path is the cause it names. */
interface BaselineOutcome {
  named: string | null;
  role: string;
}

function baseline(world: TraceWorld): BaselineOutcome {
  // The baseline's own default population: the detractors of the model's NPS.
  const r = baselineTrace(world.model, world.datasets, {
    population: null,
    period: null,
    start: null,
  });
  const named = r.path.length > 1 ? r.path.at(-1)! : null;
  const role = world.truth.indicators.find((i) => i.id === named)?.role ?? 'other';
  return { named, role };
}

const pct = (k: number, n: number) => (n === 0 ? '—' : `${((100 * k) / n).toFixed(1)}%`);

async function main() {
  log(`${codeVersion()}; ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}`);
  const ours = new Map<TraceWorldVariant, CalibrationOutcome[]>();
  const theirs = new Map<TraceWorldVariant, BaselineOutcome[]>();
  let seed = FIRST_SEED;
  for (const [variant, count] of PLAN) {
    const n = Math.max(1, Math.round(count * SCALE));
    const a: CalibrationOutcome[] = [];
    const b: BaselineOutcome[] = [];
    for (let i = 0; i < n; i++, seed++) {
      const world = generateTraceWorld({ seed, variant });
      a.push(calibrate(world));
      b.push(baseline(world));
    }
    ours.set(variant, a);
    theirs.set(variant, b);
    log(`${variant}: ${n} worlds`);
  }
  const planted = ours.get('planted')!;
  const none = ours.get('null')!;
  const halo = ours.get('halo')!;
  const missing = ours.get('missing-root')!;
  const withCause = [...planted, ...halo];
  const count = (list: CalibrationOutcome[], test: (o: CalibrationOutcome) => boolean) =>
    pct(list.filter(test).length, list.length);
  const bPlanted = theirs.get('planted')!;
  const bNone = theirs.get('null')!;
  const bHalo = theirs.get('halo')!;
  const bMissing = theirs.get('missing-root')!;
  const bCount = (list: BaselineOutcome[], test: (o: BaselineOutcome) => boolean) =>
    pct(list.filter(test).length, list.length);
  const rows = [
    [
      'planted root is the first process/staff/IT cause',
      count(planted, (o) => o.rootFirst),
      '≥ 90%',
      bCount(bPlanted, (o) => o.role === 'root'),
    ],
    [
      'its top-k units are the planted ones',
      count(planted, (o) => o.unitsRight),
      '≥ 90%',
      'n/a (no units)',
    ],
    [
      'verdict “cause” with a planted root',
      count(planted, (o) => o.verdict === 'cause'),
      '≥ 90%',
      bCount(bPlanted, (o) => o.named !== null),
    ],
    [
      'no cause world not “cause”',
      count(none, (o) => o.verdict !== 'cause'),
      '≥ 95%',
      bCount(bNone, (o) => o.named === null),
    ],
    [
      'a decoy is the first cause (planted + halo)',
      count(withCause, (o) => o.first?.role.includes('decoy') ?? false),
      '≤ 2%',
      bCount([...bPlanted, ...bHalo], (o) => o.role.includes('decoy')),
    ],
    [
      'halo: root in the top three',
      count(halo, (o) => o.rootTopThree),
      'all',
      bCount(bHalo, (o) => o.role === 'root'),
    ],
    [
      'root missing: a decoy named',
      count(missing, (o) => o.decoyNamed),
      '0%',
      bCount(bMissing, (o) => o.role.includes('decoy')),
    ],
    [
      'what-if interval holds the true effect (planted)',
      count(planted, (o) => o.whatIfCovers === true),
      '≥ 90%',
      'n/a',
    ],
    [
      'what-if interval holds the true effect (halo)',
      count(halo, (o) => o.whatIfCovers === true),
      '—',
      'n/a',
    ],
  ];
  const all = [...ours.values()].flat();
  const maxError = Math.max(...all.map((o) => o.additivityError));
  const errors = planted.map((o) => Math.abs(o.estimatedRootShare! - o.truePlantedShare));
  const seconds = all.map((o) => o.seconds).sort((x, y) => x - y);
  recordFigures([
    {
      id: 'calibration.trace-ms-per-world',
      label: 'calibration: trace time per world (median of the worlds)',
      unit: 'ms',
      value: 1000 * seconds[Math.floor(seconds.length / 2)]!,
    },
    {
      id: 'calibration.planted-share-error-points',
      label: 'calibration: mean |estimated − true planted share|, points',
      unit: 'count',
      value: 100 * (errors.reduce((s, e) => s + e, 0) / errors.length),
    },
  ]);
  console.log(
    '\n' +
      textTable(['measure', 'trace', 'target', 'baseline trace'], rows) +
      `\n\nworlds: ${all.length} (seeds ${FIRST_SEED}–${seed - 1}); parts add up to the gap within ${maxError.toExponential(1)}; ` +
      `mean |estimated − true planted share| ${(100 * (errors.reduce((s, e) => s + e, 0) / errors.length)).toFixed(2)} points; ` +
      `trace time per world: median ${seconds[Math.floor(seconds.length / 2)]!.toFixed(2)} s, max ${seconds.at(-1)!.toFixed(2)} s\n`,
  );
}

await main();
