/**
 * The points of the drivers views from the analysis's SHAP sample: the beeswarm, a dependence
 * plot and one row's waterfall. The sample is small (a few thousand rows), so these run where
 * the views are drawn.
 */
import type { DriverSample } from './drivers.ts';
import type { DependencePoint, SwarmPoint, WaterfallStep } from '../charts/driver-views.ts';
import { OTHER_LEVEL } from '../ml/feature-matrix.ts';
import { Rng } from '../random.ts';

/** How values are written: numbers in the user's locale, the pooled level's name. */
export interface ValueFormat {
  number: (v: number) => string;
  other: string;
}

/** A driver's value as shown: numbers formatted, the "other" level named, blank as "—". */
export function shownValue(v: number | string | null, format: ValueFormat): string {
  if (v === null) return '—';
  if (typeof v === 'number') return format.number(v);
  return v === OTHER_LEVEL ? format.other : v;
}

/** Each value's rank among the non-blank values of a numeric column (0…1); null otherwise. */
function ranks(values: readonly (number | string | null)[]): (number | null)[] {
  const numeric = values
    .map((v, i) => [v, i] as const)
    .filter((p): p is readonly [number, number] => typeof p[0] === 'number');
  const out = new Array<number | null>(values.length).fill(null);
  if (numeric.length === 0) return out;
  const sorted = [...numeric].sort((a, b) => a[0] - b[0]);
  const span = Math.max(1, sorted.length - 1);
  let k = 0;
  while (k < sorted.length) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1]![0] === sorted[k]![0]) end++;
    const rank = (k + end) / 2 / span;
    for (let t = k; t <= end; t++) out[sorted[t]![1]] = rank;
    k = end + 1;
  }
  return out;
}

/** Beeswarm points of the first `top` drivers, at most `perDriver` rows each. */
export function swarmPoints(
  sample: DriverSample,
  top: number,
  format: ValueFormat,
  perDriver = 300,
): SwarmPoint[] {
  const p = sample.features.length;
  const n = sample.rows.length;
  const step = Math.max(1, Math.ceil(n / perDriver));
  const rng = new Rng(7);
  const out: SwarmPoint[] = [];
  for (let j = 0; j < Math.min(top, p); j++) {
    const values = sample.values[j]!;
    const level = ranks(values);
    for (let r = 0; r < n; r += step) {
      out.push({
        driver: sample.features[j]!,
        shap: sample.shap[r * p + j]!,
        level: level[r] ?? null,
        value: shownValue(values[r] ?? null, format),
        jitter: rng.uniform(-0.9, 0.9),
      });
    }
  }
  return out;
}

/** Dependence points of `feature`, coloured by `colourBy` (or none). */
export function dependencePoints(
  sample: DriverSample,
  feature: string,
  colourBy: string | null,
  format: ValueFormat,
): DependencePoint[] {
  const p = sample.features.length;
  const j = sample.features.indexOf(feature);
  if (j < 0) return [];
  const c = colourBy === null ? -1 : sample.features.indexOf(colourBy);
  const out: DependencePoint[] = [];
  sample.values[j]!.forEach((v, r) => {
    if (v === null) return;
    const colour = c < 0 ? null : (sample.values[c]![r] ?? null);
    out.push({
      x: typeof v === 'number' ? v : shownValue(v, format),
      shap: sample.shap[r * p + j]!,
      colour: typeof colour === 'string' ? shownValue(colour, format) : colour,
    });
  });
  return out;
}

/**
 * The waterfall of sampled row `r`: from the base log-odds, the `max` largest pushes (each
 * labelled “driver = value”), the rest summed as one step named `rest`.
 */
export function waterfallSteps(
  sample: DriverSample,
  r: number,
  labels: { rest: string; format: ValueFormat },
  max = 10,
): WaterfallStep[] {
  const p = sample.features.length;
  const pushes = sample.features
    .map((feature, j) => ({
      label: `${feature} = ${shownValue(sample.values[j]![r] ?? null, labels.format)}`,
      shap: sample.shap[r * p + j]!,
    }))
    .sort((a, b) => Math.abs(b.shap) - Math.abs(a.shap));
  const shown = pushes.slice(0, max);
  const rest = pushes.slice(max).reduce((s, x) => s + x.shap, 0);
  if (pushes.length > max) shown.push({ label: labels.rest, shap: rest });
  const steps: WaterfallStep[] = [];
  let at = sample.base;
  for (const s of shown) {
    steps.push({ label: s.label, start: at, end: at + s.shap });
    at += s.shap;
  }
  return steps;
}
