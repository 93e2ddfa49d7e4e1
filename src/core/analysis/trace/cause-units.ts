/**
 * Where a cause sits: the units of its kind that are worse than the others and carry its
 * persistent contribution, with their level against the other units'.
 */
import type { TraceData, UnitsData } from './trace-data.ts';
import type { CauseUnit } from './trace-types.ts';
import { unitMeans } from './what-if.ts';

/** The units where a unit-level cause sits: worse than the others, carrying its persistent contribution, largest share first. */
export function causeUnits(
  data: TraceData,
  compared: Uint8Array,
  x: UnitsData,
  persistent: number,
  unitParts: Float64Array | undefined,
): CauseUnit[] {
  if (!unitParts || !(persistent > 0)) return [];
  const kind = data.index.kinds[x.unitKind]!;
  const means = unitMeans(x, data, compared);
  const worse = x.indicator.direction === 'lower' ? 1 : -1;
  const out: CauseUnit[] = [];
  unitParts.forEach((part, u) => {
    if (!(part > 0) || Number.isNaN(means[u]!)) return;
    const others = [...means].filter((v, o) => o !== u && !Number.isNaN(v));
    const mean = others.reduce((s, v) => s + v, 0) / Math.max(1, others.length);
    // A unit that is better than the others carries part of the contrast (the reference is
    // where it is), but the cause is not there.
    if (worse * (means[u]! - mean) <= 0) return;
    out.push({
      unitKind: kind.id,
      unit: kind.units[u]!,
      value: means[u]!,
      others: mean,
      share: part / persistent,
    });
  });
  return out.sort((a, b) => b.share - a.share).slice(0, 10);
}
