import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorld, type DemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv, type LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import {
  defaultPopulation,
  trace,
  traceClients,
  traceData,
  type TraceData,
  type TraceQuery,
} from '../../src/core/analysis/trace.ts';
import { restoreTraceCellData } from '../../src/core/notebook/cell-data/trace-cell.ts';
import { SLOW } from './slow.ts';

let world: DemoWorld;
let data: LoadedDataset[];
let prepared: TraceData;
beforeAll(async () => {
  world = generateDemoWorld();
  data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
  prepared = traceData(world.model, data);
}, SLOW.timeout);

const run = (q: Partial<TraceQuery>) =>
  trace(world.model, data, { population: null, period: null, start: null, ...q }, prepared);

describe('the trace on the demo world', () => {
  it('from the detractors, NPS leads down the planted chain to WMS scanner coverage', SLOW, () => {
    const r = run({});
    expect(r.population).toEqual(defaultPopulation(world.model));
    expect(r.population?.kind).toBe('detractors');
    expect(r.start).toBe('cx.nps');
    expect(r.path[0]).toBe('cx.nps');
    expect(r.path).toContain('cx.delivery_rating');
    expect(r.path).toContain('ex.competency');
    expect(r.path.at(-1)).toBe('it.scanner_coverage');
    // NPS and the detractor share are read from the answers that define the population.
    const node = (id: string) => r.nodes.find((n) => n.id === id)!;
    expect(node('cx.nps').defines).toBe(true);
    expect(node('cx.detractor_share').defines).toBe(true);
    expect(r.path).not.toContain('cx.detractor_share');
    // Detractors' delivery is rated lower; the decoys hardly differ.
    expect(node('cx.delivery_rating').gap!).toBeGreaterThan(0.5);
    for (const decoy of world.truth.decoys) expect(Math.abs(node(decoy).gap!)).toBeLessThan(0.2);
    expect(r.clients).toBeGreaterThan(500);
    expect(r.cells).toBeGreaterThanOrEqual(r.clients);
  });

  it('a planted warehouse’s clients are far worse on scanners and competency, not on the decoys', () => {
    const warehouse = world.truth.affected.warehouses[0]!;
    const r = run({ population: { kind: 'segment', column: 'warehouse', value: warehouse } });
    const node = (id: string) => r.nodes.find((n) => n.id === id)!;
    expect(node('it.scanner_coverage').gap!).toBeGreaterThan(1);
    expect(node('ex.competency').gap!).toBeGreaterThan(1);
    expect(node('it.scanner_coverage').status).toBe('off');
    for (const decoy of world.truth.decoys) expect(Math.abs(node(decoy).gap!)).toBeLessThan(0.3);
    expect(r.path.slice(-2)).toEqual(['ex.competency', 'it.scanner_coverage']);
    // The planted links are strong at their own grain (warehouse × month); the decoys' are not.
    const link = (child: string, parent: string) =>
      r.links.find((l) => l.child === child && l.parent === parent)!;
    const planted = world.truth.edges.find(
      (e) => e.child === 'it.scanner_coverage' && e.parent === 'ex.competency',
    )!;
    const strong = link('it.scanner_coverage', 'ex.competency');
    expect(strong.grain).toBe('own');
    expect(strong.r!).toBeGreaterThanOrEqual(planted.band[0]);
    expect(strong.r!).toBeLessThanOrEqual(planted.band[1]);
    expect(Math.abs(link('it.qc_tools', 'ox.picking_error_rate').r!)).toBeLessThan(0.2);
  });

  it('a handed-over list of clients is traced; a start and a period are respected', SLOW, () => {
    const warehouse = world.truth.affected.warehouses[0]!;
    const segment = run({ population: { kind: 'segment', column: 'warehouse', value: warehouse } });
    const clients = traceClients(
      world.model,
      data,
      {
        population: { kind: 'segment', column: 'warehouse', value: warehouse },
        period: null,
        start: null,
      },
      'it.scanner_coverage',
      10_000,
      prepared,
    );
    expect(clients.length).toBe(segment.clients);
    // Scanner coverage: higher is better, so the worst (lowest) come first.
    const values = clients.map((c) => c.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));

    const ids = clients.map((c) => c.client);
    const handed = run({
      population: { kind: 'clients', ids, label: 'cluster' },
      start: 'ox.on_time_share',
    });
    expect(handed.clients).toBe(ids.length);
    expect(handed.start).toBe('ox.on_time_share');
    expect(handed.path[0]).toBe('ox.on_time_share');
    expect(handed.path.at(-1)).toBe('it.scanner_coverage');

    const period = world.truth.period.last.slice(0, 7);
    const one = run({ population: { kind: 'clients', ids, label: 'cluster' }, period });
    const all = run({ population: { kind: 'clients', ids, label: 'cluster' } });
    const n = (r: typeof one, id: string) => r.nodes.find((x) => x.id === id)!.population.n;
    expect(n(one, 'it.scanner_coverage')).toBeGreaterThan(0);
    expect(n(one, 'it.scanner_coverage')).toBeLessThanOrEqual(ids.length);
    expect(n(all, 'it.scanner_coverage')).toBeGreaterThan(n(one, 'it.scanner_coverage'));
  });

  it(
    'a low outcome handed over by a drivers analysis is traced at its answers’ periods',
    SLOW,
    () => {
      const low = run({
        population: {
          kind: 'low',
          dataset: 'survey',
          target: 'rating_delivery',
          rule: { kind: 'below', threshold: 3 },
          client: 'client_id',
          date: 'date',
        },
        start: 'cx.delivery_rating',
      });
      expect(low.path[0]).toBe('cx.delivery_rating');
      expect(low.path).toContain('ex.competency');
      // Answers are cells: a client is in the population only in the periods of its low answers.
      expect(low.cells).toBeGreaterThan(low.clients);
      expect(low.periods.length).toBeGreaterThan(1);
      const period = low.periods[0]!;
      const one = run({ population: low.population, period, start: 'cx.delivery_rating' });
      expect(one.cells).toBeLessThan(low.cells);
      expect(one.clients).toBe(one.cells);
      expect(one.periods).toEqual(low.periods);
      // The delivery rating is read from the very answers that define the population.
      expect(low.nodes.find((n) => n.id === 'cx.delivery_rating')!.defines).toBe(true);
      // The rest are the other answers: at answer cells, the low ones rate delivery far lower.
      const rating = low.nodes.find((n) => n.id === 'cx.delivery_rating')!;
      expect(rating.population.mean!).toBeLessThan(3);
      expect(rating.rest.mean!).toBeGreaterThan(3);
      // A period with no low answer: nobody, so no gaps.
      const empty = run({ population: low.population, period: '1999-01' });
      expect(empty.cells).toBe(0);
      expect(empty.nodes.every((n) => n.gap === null)).toBe(true);
    },
  );

  it(
    'a low outcome of the client card (who left) is traced over all the clients’ periods',
    SLOW,
    () => {
      const left = run({
        population: {
          kind: 'low',
          dataset: 'clients',
          target: 'churned',
          rule: { kind: 'equals', value: 'yes' },
          client: 'client_id',
          date: null,
        },
      });
      expect(left.missing).toBeNull();
      expect(left.clients).toBeGreaterThan(50);
      expect(left.cells).toBeGreaterThan(left.clients);
      // Clients who left were served worse: late shipments are higher for them.
      expect(left.nodes.find((n) => n.id === 'ox.late_share')!.gap!).toBeGreaterThan(0);
    },
  );

  it('a population whose column is gone says which', () => {
    const r = run({
      population: {
        kind: 'detractors',
        dataset: 'survey',
        score: 'nps2',
        client: 'client_id',
        date: 'date',
      },
    });
    expect(r.missing).toBe('nps2');
    expect(r.cells).toBe(0);
  });

  it('an empty population compares nothing and says so by its counts', () => {
    const r = run({ population: { kind: 'clients', ids: [], label: 'none' } });
    expect(r.clients).toBe(0);
    expect(r.nodes.every((n) => n.gap === null)).toBe(true);
    expect(r.path.length).toBeLessThanOrEqual(1);
  });

  it('a stored trace cell is repaired at load: a bad population falls back to the default', () => {
    expect(restoreTraceCellData({ population: { kind: 'segment' } }).population).toBeNull();
    expect(
      restoreTraceCellData({ population: { kind: 'clients', ids: ['a', 'a', 3, 'b'] } }).population,
    ).toEqual({ kind: 'clients', ids: ['a', 'b'], label: '' });
    expect(restoreTraceCellData('junk')).toEqual({
      modelId: null,
      population: null,
      period: null,
      start: null,
    });
  });
});
