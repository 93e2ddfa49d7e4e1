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
 * Each comment's theme from the barriers it names: the factor (by name in `locale`) with the
 * most barriers named, ties to the factor listed first in the model; null when it names none.
 */
export function barrierThemes(
  model: ServiceModel,
  hits: readonly (readonly BarrierHit[])[],
  locale: Locale,
): (string | null)[] {
  const order = new Map(model.factors.map((f, k) => [f.id, k]));
  const name = new Map(model.factors.map((f) => [f.id, f.name[locale]]));
  return hits.map((list) => {
    const counts = new Map<string, number>();
    for (const h of list)
      if (h.factor && order.has(h.factor)) counts.set(h.factor, (counts.get(h.factor) ?? 0) + 1);
    let best: string | null = null;
    for (const [f, c] of counts) {
      const b = best === null ? -1 : counts.get(best)!;
      if (c > b || (c === b && order.get(f)! < order.get(best!)!)) best = f;
    }
    return best === null ? null : (name.get(best) ?? best);
  });
}

/** How many comments name each barrier at each touchpoint (key `touchpoint\u0000barrier`). */
export function barrierCounts(hits: readonly (readonly BarrierHit[])[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of hits) {
    for (const h of list) {
      const key = `${h.touchpoint}\u0000${h.barrier}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}
