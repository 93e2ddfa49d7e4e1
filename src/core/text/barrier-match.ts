/**
 * Complaints tied to the service model's barriers by their keywords (stems or words, any
 * language, matched inside the lower-cased comment with ё as е): which barrier at which
 * touchpoint each complaint names, and so which satisfaction factor it is about. The themes
 * of the frequency analysis when the data has no factor column; the counts of the barrier
 * matrix.
 */
import type { ServiceModel } from '../model/model-types.ts';
import type { Locale } from '../i18n/locale.ts';

/** A barrier a comment names: where, and the factor it damages. */
export interface BarrierHit {
  touchpoint: string;
  barrier: string;
  factor: string | null;
}

interface Matcher extends BarrierHit {
  keywords: string[];
}

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

function matchers(model: ServiceModel): Matcher[] {
  return model.journey.touchpoints.flatMap((tp) =>
    tp.barriers
      .filter((b) => (b.keywords ?? []).length > 0)
      .map((b) => ({
        touchpoint: tp.id,
        barrier: b.id,
        factor: b.factor ?? null,
        keywords: (b.keywords ?? []).map(fold).filter((k) => k.trim() !== ''),
      })),
  );
}

/** The barriers each comment names (none for a blank comment), in the model's order. */
export function barrierHits(model: ServiceModel, texts: ArrayLike<unknown>): BarrierHit[][] {
  const all = matchers(model);
  return Array.from(texts, (t) => {
    if (typeof t !== 'string' || t.trim() === '') return [];
    const text = fold(t);
    return all
      .filter((m) => m.keywords.some((k) => text.includes(k)))
      .map(({ touchpoint, barrier, factor }) => ({ touchpoint, barrier, factor }));
  });
}

/**
 * Each comment's themes from the barriers it names: the factors (by name in `locale`) of every
 * barrier named, once each, in the model's factor order; none when it names none. A comment
 * about late delivery and damaged goods is a complaint of both — one theme per comment would
 * hide the second, and the frequency's theme counts would then disagree with the barrier
 * matrix, which counts every barrier a comment names.
 */
export function barrierThemes(
  model: ServiceModel,
  hits: readonly (readonly BarrierHit[])[],
  locale: Locale,
): string[][] {
  const order = new Map(model.factors.map((f, k) => [f.id, k]));
  const name = new Map(model.factors.map((f) => [f.id, f.name[locale]]));
  return hits.map((list) => {
    const factors = new Set<string>();
    for (const h of list) if (h.factor && order.has(h.factor)) factors.add(h.factor);
    return [...factors].sort((a, b) => order.get(a)! - order.get(b)!).map((f) => name.get(f) ?? f);
  });
}

/**
 * How many comments name each barrier at each touchpoint (key `touchpoint\u0000barrier`), of the
 * rows where `keep` is true (the population counted; see `complaint-population.ts`).
 */
export function barrierCounts(
  hits: readonly (readonly BarrierHit[])[],
  keep?: ArrayLike<boolean> | null,
): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < hits.length; i++) {
    if (keep && !keep[i]) continue;
    for (const h of hits[i]!) {
      const key = `${h.touchpoint}\u0000${h.barrier}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}
