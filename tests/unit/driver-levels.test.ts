import { describe, expect, it } from 'vitest';
import { keyDrivers, type DriversResult } from '../../src/core/analysis/drivers.ts';
import { levelFindings } from '../../src/core/analysis/driver-levels.ts';
import { Rng } from '../../src/core/random.ts';
import { SLOW } from './slow.ts';

const LEVELS = ['North', 'South', 'East', 'West'];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A world of 4,000 rows: a four-level category (`site`), a numeric `delay` and a pure-noise
 * numeric; the low outcome drawn from `logit(site, delay)`. The truth is whatever `logit` says.
 */
function world(
  seed: number,
  delayOf: (site: string, rng: Rng) => number,
  logit: (site: string, delay: number) => number,
): DriversResult {
  const rng = new Rng(seed);
  const n = 4000;
  const site: string[] = [];
  const delay: number[] = [];
  const noise: number[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = LEVELS[Math.floor(rng.next() * LEVELS.length)]!;
    const d = delayOf(s, rng);
    site.push(s);
    delay.push(d);
    noise.push(rng.next());
    y[i] = rng.next() < sigmoid(logit(s, d)) ? 1 : 0;
  }
  return keyDrivers(
    [
      { name: 'site', values: site, kind: 'categorical' },
      { name: 'delay', values: delay, kind: 'numeric' },
      { name: 'noise', values: noise, kind: 'numeric' },
    ],
    Int32Array.from({ length: n }, (_, i) => i),
    y,
    { seed: 1, bootstrap: 20 },
  );
}

const siteFindings = (r: DriversResult) =>
  levelFindings(r.drivers.find((d) => d.feature === 'site')!.levels!);
const plainDelay = (_: string, rng: Rng) => rng.next() * 10;

describe('the levels of a category driver', () => {
  it('name the planted level both ways when the level itself raises the risk', SLOW, () => {
    const r = world(11, plainDelay, (s, d) => -1.5 + (s === 'South' ? 1.5 : 0) + 0.1 * d);
    const f = siteFindings(r);
    expect(f.oftenLow?.level.level).toBe('South');
    expect(f.oftenLow!.level.lowShare).toBeGreaterThan(f.oftenLow!.restShare + 0.2);
    expect(f.risk?.level).toBe('South');
  });

  it('name no level in a world with no cause at all', SLOW, () => {
    for (const seed of [21, 22, 23]) {
      const f = siteFindings(world(seed, plainDelay, () => -0.8));
      expect(f.oftenLow, `seed ${seed}`).toBeNull();
      expect(f.risk, `seed ${seed}`).toBeNull();
    }
  });

  it(
    'a level whose risk runs through another driver is most often low, yet adds no risk',
    SLOW,
    () => {
      // South's deliveries are late; lateness, not the site, makes the outcome low.
      const r = world(
        31,
        (s, rng) => rng.next() * 6 + (s === 'South' ? 4 : 0),
        (_, d) => -3 + 0.35 * d,
      );
      const f = siteFindings(r);
      expect(f.oftenLow?.level.level).toBe('South');
      expect(f.risk).toBeNull();
    },
  );
});
