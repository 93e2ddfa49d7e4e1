import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { indicatorOverview, targetStatus } from '../../src/core/index/indicator-overview.ts';
import { linkSegments, modelGraphSpec } from '../../src/core/charts/model-graph.ts';
import type { Indicator } from '../../src/core/model/model-types.ts';
import { SLOW } from './slow.ts';

describe('indicators at a glance', () => {
  it('tells on and off target by direction', () => {
    const ind = (direction: 'higher' | 'lower', target?: number) =>
      ({ direction, ...(target === undefined ? {} : { target }) }) as Indicator;
    expect(targetStatus(0.9, ind('higher', 0.95))).toBe('off');
    expect(targetStatus(0.96, ind('higher', 0.95))).toBe('on');
    expect(targetStatus(4, ind('lower', 6))).toBe('on');
    expect(targetStatus(7, ind('lower', 6))).toBe('off');
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
          status: { on: 'on', off: 'off', 'no-target': 'none', 'no-data': 'no data' },
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

  it('draws a link between layers straight and one within a layer as a bridge above the row', () => {
    expect(linkSegments({ x: 1, y: 3 }, { x: 2, y: 1 }, 0)).toEqual([{ x: 1, y: 3, x2: 2, y2: 1 }]);
    const bridge = linkSegments({ x: 1, y: 1 }, { x: 4, y: 1 }, 0);
    expect(bridge).toHaveLength(3);
    // Up from the child, across above the row, down to the parent: never along the row itself.
    expect(bridge.every((s) => Math.min(s.y, s.y2) < 1)).toBe(true);
    expect(bridge[1]).toMatchObject({ x: 1, x2: 4 });
    expect(bridge[1]!.y).toBe(bridge[1]!.y2);
  });
});
