import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { indicatorOverview, targetStatus } from '../../src/core/index/indicator-overview.ts';
import { linkSegments, modelGraphSpec } from '../../src/core/charts/model-graph.ts';
import type { Indicator } from '../../src/core/model/model-types.ts';
import { SLOW } from './slow.ts';

describe('indicators at a glance', () => {
  it('tells on, near and off target by direction, within 5% of the scale of the target', () => {
    const ind = (direction: 'higher' | 'lower', target?: number, scale = { min: 0, max: 1 }) =>
      ({ direction, scale, ...(target === undefined ? {} : { target }) }) as Indicator;
    // A share (0–1, shown as 0–100%): 5 points either side of the target are near it.
    expect(targetStatus(0.9, ind('higher', 0.95))).toBe('near');
    expect(targetStatus(0.89, ind('higher', 0.95))).toBe('off');
    expect(targetStatus(0.96, ind('higher', 0.95))).toBe('near');
    expect(targetStatus(1, ind('higher', 0.9))).toBe('on');
    // A 0–10 scale: 0.5 points, just inside and just outside, both directions.
    const ten = { min: 0, max: 10 };
    expect(targetStatus(7.49, ind('higher', 7, ten))).toBe('near');
    expect(targetStatus(7.5, ind('higher', 7, ten))).toBe('near');
    expect(targetStatus(7.51, ind('higher', 7, ten))).toBe('on');
    expect(targetStatus(6.51, ind('higher', 7, ten))).toBe('near');
    expect(targetStatus(6.49, ind('higher', 7, ten))).toBe('off');
    expect(targetStatus(6.51, ind('lower', 7, ten))).toBe('near');
    expect(targetStatus(6.49, ind('lower', 7, ten))).toBe('on');
    expect(targetStatus(7.49, ind('lower', 7, ten))).toBe('near');
    expect(targetStatus(7.51, ind('lower', 7, ten))).toBe('off');
    // A scale not starting at zero: NPS −100…100 gives 10 points; a 1–5 rating 0.2.
    expect(targetStatus(31, ind('higher', 40, { min: -100, max: 100 }))).toBe('near');
    expect(targetStatus(29, ind('higher', 40, { min: -100, max: 100 }))).toBe('off');
    expect(targetStatus(4.49, ind('higher', 4.3, { min: 1, max: 5 }))).toBe('near');
    expect(targetStatus(4.51, ind('higher', 4.3, { min: 1, max: 5 }))).toBe('on');
    // Exactly at the edge despite floating point (0.13 − 0.1 on a 0–0.6 scale).
    expect(targetStatus(0.13, ind('lower', 0.1, { min: 0, max: 0.6 }))).toBe('near');
    expect(targetStatus(0.07, ind('lower', 0.1, { min: 0, max: 0.6 }))).toBe('near');
    expect(targetStatus(4, ind('lower', 6, ten))).toBe('on');
    expect(targetStatus(7, ind('lower', 6, ten))).toBe('off');
    expect(targetStatus(7, ind('lower'))).toBe('no-target');
    expect(targetStatus(null, ind('lower', 6))).toBe('no-data');
  });

  it(
    'gives every bound demo indicator a current value and a trend, and draws the model',
    SLOW,
    async () => {
      const world = generateDemoWorld({ clients: 300, months: 12 });
      const datasets = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
      const overview = indicatorOverview(world.model, datasets);
      const byId = new Map(overview.map((o) => [o.id, o]));
      for (const ind of world.model.indicators.filter((i) => i.binding)) {
        expect(byId.get(ind.id)?.latest, ind.id).not.toBeNull();
      }
      // A monthly unit indicator has twelve months of trend, the latest being the last month.
      const scanner = byId.get('it.scanner_coverage')!;
      expect(scanner.byPeriod).toHaveLength(12);
      expect(scanner.latestPeriod).toBe(scanner.byPeriod.at(-1)!.period);
      expect(scanner.latest).toBeGreaterThan(0);
      expect(scanner.latest).toBeLessThanOrEqual(1);

      const spec = modelGraphSpec(
        world.model,
        overview.map((o) => ({ id: o.id, label: o.id, value: String(o.latest), status: o.status })),
        {
          layer: 'Layer',
          indicator: 'Indicator',
          value: 'Value',
          status: {
            on: 'on',
            near: 'near',
            off: 'off',
            'no-target': 'none',
            'no-data': 'no data',
          },
        },
      );
      const vega = compile(spec).spec;
      const nodes = vega.data?.find(
        (d) => (d as { values?: { id?: string }[] }).values?.[0]?.id !== undefined,
      ) as { values: { id: string; y: number }[] };
      expect(nodes.values).toHaveLength(world.model.indicators.length);
      // TX on the top row (0), IT at the bottom (4).
      expect(nodes.values.find((n) => n.id.startsWith('tx.'))!.y).toBe(0);
      expect(nodes.values.find((n) => n.id.startsWith('it.'))!.y).toBe(4);
    },
  );

  it('draws a link between layers straight, through the rows it skips, and one within a layer as a bridge above the row', () => {
    expect(
      linkSegments(
        [
          { x: 1, y: 3 },
          { x: 2, y: 2 },
        ],
        0.2,
      ),
    ).toEqual([{ x: 1, y: 3, x2: 2, y2: 2 }]);
    // Through a waypoint in the row it skips.
    expect(
      linkSegments(
        [
          { x: 1, y: 3 },
          { x: 2, y: 2 },
          { x: 4, y: 1 },
        ],
        0.2,
      ),
    ).toEqual([
      { x: 1, y: 3, x2: 2, y2: 2 },
      { x: 2, y: 2, x2: 4, y2: 1 },
    ]);
    const bridge = linkSegments(
      [
        { x: 1, y: 1 },
        { x: 4, y: 1 },
      ],
      0.2,
    );
    expect(bridge).toHaveLength(3);
    // Up from the child, across above the row, down to the parent: never along the row itself.
    expect(bridge.every((s) => Math.min(s.y, s.y2) < 1)).toBe(true);
    expect(bridge[1]).toMatchObject({ x: 1, x2: 4, y: 0.8, y2: 0.8 });
  });
});
