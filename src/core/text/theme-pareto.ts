/**
 * Complaint themes ranked for action: how many complaints each theme has and, when the CRM
 * gives one, how much value (LTV, revenue) rides on them; the cumulative share that a Pareto
 * chart draws against its 80% line; and whether a theme's share moved from one period to the
 * next beyond what chance explains.
 */

/** One theme in a Pareto ranking. */
export interface ParetoTheme {
  key: string;
  count: number;
  /** count / all complaints with a theme. */
  share: number;
  /** Running share, in ranking order (the Pareto line). */
  cumulative: number;
  /** Sum of the complaints' weights (e.g. the LTV of the clients behind them); null without. */
  value: number | null;
  valueShare: number | null;
  /** Within the themes that together make up the first 80%. */
  vital: boolean;
}

/**
 * Themes (one per complaint, null for none) ranked by count, or by `weights` when given
 * (value at risk: a complaint weighs its client's LTV or revenue; blank weights count 0).
 */
export function themePareto(
  themes: ArrayLike<string | null>,
  weights?: ArrayLike<number | null>,
  rankBy: 'count' | 'value' = weights ? 'value' : 'count',
): ParetoTheme[] {
  const acc = new Map<string, { count: number; value: number }>();
  let total = 0;
  let totalValue = 0;
  for (let i = 0; i < themes.length; i++) {
    const key = themes[i];
    if (key === null || key === undefined || key === '') continue;
    const w = weights ? Number(weights[i] ?? 0) : 0;
    const v = Number.isFinite(w) ? w : 0;
    const a = acc.get(key) ?? { count: 0, value: 0 };
    a.count++;
    a.value += v;
    acc.set(key, a);
    total++;
    totalValue += v;
  }
  const measure = (a: { count: number; value: number }) => (rankBy === 'value' ? a.value : a.count);
  const whole = rankBy === 'value' ? totalValue : total;
  let running = 0;
  return [...acc.entries()]
    .sort((x, y) => measure(y[1]) - measure(x[1]) || (x[0] < y[0] ? -1 : 1))
    .map(([key, a]) => {
      const before = running;
      running += measure(a);
      return {
        key,
        count: a.count,
        share: total > 0 ? a.count / total : 0,
        cumulative: whole > 0 ? running / whole : 0,
        value: weights ? a.value : null,
        valueShare: weights && totalValue > 0 ? a.value / totalValue : null,
        // A theme is vital when the themes before it have not yet reached 80%.
        vital: whole > 0 && before / whole < 0.8,
      };
    });
}

/** How a theme's share of complaints moved from one period to the next. */
export interface ThemeChange {
  key: string;
  previous: { count: number; share: number };
  current: { count: number; share: number };
  /** current − previous share, in share points (0–1). */
  change: number;
  /** Two-proportion z statistic of the change. */
  z: number;
  /** |z| > 1.96: beyond chance at 95%. */
  significant: boolean;
}

/**
 * Each theme's share in the last period against the one before (periods as sortable keys, e.g.
 * `2026-Q1`), with a two-proportion z-test; null when there are fewer than two periods.
 */
export function themeChanges(
  themes: ArrayLike<string | null>,
  periods: ArrayLike<string | null>,
): { previous: string; current: string; changes: ThemeChange[] } | null {
  // Periods with complaints that have a theme: a period of untagged comments compares nothing.
  const keys = [
    ...new Set(Array.from(periods).filter((p, i): p is string => !!p && !!themes[i])),
  ].sort();
  if (keys.length < 2) return null;
  const current = keys[keys.length - 1]!;
  const previous = keys[keys.length - 2]!;
  const count = (period: string) => {
    const m = new Map<string, number>();
    let n = 0;
    for (let i = 0; i < themes.length; i++) {
      const t = themes[i];
      if (periods[i] !== period || !t) continue;
      n++;
      m.set(t, (m.get(t) ?? 0) + 1);
    }
    return { m, n };
  };
  const a = count(previous);
  const b = count(current);
  const all = new Set([...a.m.keys(), ...b.m.keys()]);
  const changes = [...all].map((key) => {
    const ca = a.m.get(key) ?? 0;
    const cb = b.m.get(key) ?? 0;
    const pa = a.n > 0 ? ca / a.n : 0;
    const pb = b.n > 0 ? cb / b.n : 0;
    const pooled = a.n + b.n > 0 ? (ca + cb) / (a.n + b.n) : 0;
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(1, a.n) + 1 / Math.max(1, b.n)));
    const z = se > 0 ? (pb - pa) / se : 0;
    return {
      key,
      previous: { count: ca, share: pa },
      current: { count: cb, share: pb },
      change: pb - pa,
      z,
      significant: Math.abs(z) > 1.959964,
    };
  });
  changes.sort((x, y) => Math.abs(y.z) - Math.abs(x.z) || (x.key < y.key ? -1 : 1));
  return { previous, current, changes };
}
