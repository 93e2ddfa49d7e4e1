import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import { LABEL_CHARS, modelGraphSpec, wrapLabel } from '../../src/core/charts/model-graph.ts';
import { demoModel } from '../../src/core/demo/demo-model.ts';
import { LAYERS } from '../../src/core/model/model-types.ts';

const labels = {
  layer: 'Layer',
  indicator: 'Indicator',
  value: 'Value',
  status: {
    on: 'on target',
    near: 'near target',
    off: 'off target',
    'no-target': 'no target',
    'no-data': 'no data',
  },
};

/** The indicators of a spec as drawn: the data of its point layer. */
type DrawnNode = {
  id: string;
  x: number;
  y: number;
  valueY: number;
  label: string;
  lines: string[];
  width: number;
};
const nodesOf = (spec: ReturnType<typeof modelGraphSpec>) =>
  (spec as { layer: { data: { values: unknown[] } }[] }).layer[1]!.data.values as DrawnNode[];

describe('model graph labels', () => {
  it('wraps a label at word breaks within the budget, never cutting it', () => {
    expect(wrapLabel('Warehouse staff competency', 17)).toEqual(['Warehouse staff', 'competency']);
    expect(wrapLabel('NPS', 17)).toEqual(['NPS']);
    // A word longer than the budget keeps a line of its own, whole.
    expect(wrapLabel('Оценка документооборота', 12)).toEqual(['Оценка', 'документооборота']);
    expect(wrapLabel('', 10)).toEqual(['']);
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-zА-Яа-я()%-]{1,25}$/), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 4, max: 30 }),
        (words, budget) => {
          const label = words.join(' ');
          const lines = wrapLabel(label, budget);
          // Nothing lost: the lines give back the label.
          expect(lines.join(' ')).toBe(label);
          for (const line of lines) {
            if (line.length > budget) expect(line).not.toContain(' ');
          }
          // Greedy: a line's first word would not have fitted on the line before.
          for (let i = 1; i < lines.length; i++) {
            const first = lines[i]!.split(' ')[0]!;
            expect(lines[i - 1]!.length + 1 + first.length).toBeGreaterThan(budget);
          }
        },
      ),
    );
  });

  it('draws a model with an indicator of no known layer (an import’s mistake) without it', () => {
    const model = demoModel();
    model.indicators[0] = { ...model.indicators[0]!, layer: '' as never };
    const spec = modelGraphSpec(model, [], labels);
    const nodes = nodesOf(spec);
    expect(nodes).toHaveLength(model.indicators.length - 1);
    expect(nodes.map((n) => n.id)).not.toContain(model.indicators[0]!.id);
    // An empty model still gives a chart.
    const empty = modelGraphSpec({ ...model, indicators: [], links: [] }, [], labels);
    expect(nodesOf(empty)).toEqual([]);
    expect(() => compile(empty)).not.toThrow();
  });

  for (const locale of ['en', 'ru'] as const) {
    it(`shows every demo indicator’s full name (${locale}), wrapped, its value under it, with no labels overlapping`, async () => {
      const model = demoModel();
      const spec = modelGraphSpec(
        model,
        model.indicators.map((i) => ({
          id: i.id,
          label: i.name[locale],
          value: '12 345.67 ₽',
          status: 'near' as const,
        })),
        labels,
      );
      const nodes = nodesOf(spec);
      expect(nodes).toHaveLength(model.indicators.length);
      for (const n of nodes) {
        const name = model.indicators.find((i) => i.id === n.id)!.name[locale];
        expect(n.label).toBe(name);
        expect(n.lines.join(' ')).toBe(name);
        for (const line of n.lines) {
          if (line.length > LABEL_CHARS) expect(line).not.toContain(' ');
        }
        expect(n.valueY).toBeGreaterThan(n.y);
      }
      // Some names need more than one line (e.g. “Warehouse staff competency”).
      expect(nodes.some((n) => n.lines.length > 1)).toBe(true);
      // Neighbours in a row keep their labels apart, and the chart is wide enough for all.
      const width = (spec as { width: number }).width;
      for (let row = 0; row < LAYERS.length; row++) {
        const inRow = nodes.filter((n) => n.y === row).sort((a, b) => a.x - b.x);
        for (let i = 1; i < inRow.length; i++) {
          const [a, b] = [inRow[i - 1]!, inRow[i]!];
          expect(b.x - a.x, `${a.id} | ${b.id}`).toBeGreaterThanOrEqual((a.width + b.width) / 2);
        }
        for (const n of inRow) {
          expect(n.x - n.width / 2).toBeGreaterThanOrEqual(-1e-9);
          expect(n.x + n.width / 2).toBeLessThanOrEqual(width);
        }
      }
      // Vega draws a wrapped name as lines of one text mark (no cut, no ellipsis).
      const view = new View(parse(compile(spec).spec), { renderer: 'none' });
      const svg = await view.toSVG();
      view.finalize();
      expect(svg).not.toContain('…');
      const staff = nodes.find((n) => n.id === 'ex.competency')!;
      expect(staff.lines.length).toBeGreaterThan(1);
      for (const line of staff.lines) expect(svg).toContain(`>${line}</tspan>`);
      expect(svg).toContain('near target');
    });
  }
});
