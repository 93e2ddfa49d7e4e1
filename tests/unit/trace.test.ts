import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorld, type DemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv, type LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import { traceAnalysis } from '../../src/core/analysis/trace/trace-analysis.ts';
import { traceClients } from '../../src/core/analysis/trace/trace-clients.ts';
import { traceUnitClients } from '../../src/core/analysis/trace/trace-unit-clients.ts';
import { traceReportSection } from '../../src/core/report/trace-section.ts';
import { renderReportHtml } from '../../src/core/report/render-report-html.ts';
import { frontLineList } from '../../src/core/report/front-line.ts';
import { frontLineSection } from '../../src/core/report/front-line-section.ts';
import { readTraceData, type TraceData } from '../../src/core/analysis/trace/trace-data.ts';
import { mainCause, traceSummary } from '../../src/core/analysis/trace/trace-summary.ts';
import type { TraceAnalysis, TraceQuery } from '../../src/core/analysis/trace/trace-types.ts';
import { restoreTraceCellData } from '../../src/core/notebook/cell-data/trace-cell.ts';
import { SLOW } from './slow.ts';

let world: DemoWorld;
let data: LoadedDataset[];
let prepared: TraceData;
let detractors: TraceAnalysis;
beforeAll(async () => {
  world = generateDemoWorld();
  data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
  prepared = readTraceData(world.model, data);
  detractors = run({});
}, SLOW.timeout);

const run = (q: Partial<TraceQuery>) =>
  traceAnalysis(world.model, data, { population: null, period: null, start: null, ...q }, prepared);
const causeOf = (r: TraceAnalysis, id: string) => r.causes.find((c) => c.indicator === id)!;
const candidates = (r: TraceAnalysis) =>
  r.causes.filter((c) => ['OX', 'EX', 'IT'].includes(c.layer));

describe('the trace on the demo world', () => {
  it('gives the front line exactly the detractors of the last period, the most valuable first', () => {
    const list = frontLineList(world.model, data, detractors)!;
    expect(list.period).toBe('2026-03');
    expect(list.valueColumn).toBe('ltv');
    // Counted apart from the raw survey: the clients with a score of 0–6 dated 2026-03.
    const survey = data.find((d) => d.name === 'survey')!;
    const expected = new Set<string>();
    for (let r = 0; r < survey.columns.nps!.length; r++) {
      const s = survey.columns.nps![r];
      const d = new Date(survey.columns.date![r] as number).toISOString().slice(0, 7);
      if (typeof s === 'number' && s <= 6 && d === '2026-03') {
        expect(survey.columns.client_id![r]).toBeTypeOf('string');
        expected.add(survey.columns.client_id![r] as string);
      }
    }
    expect(expected.size).toBeGreaterThan(20);
    expect(new Set(list.clients.map((c) => c.client))).toEqual(expected);
    expect(list.clients).toHaveLength(expected.size);
    const values = list.clients.map((c) => c.value!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(list.clients.every((c) => c.score <= 6)).toBe(true);
    expect(list.clients.filter((c) => c.comment !== null).length).toBeGreaterThan(
      expected.size / 2,
    );
    // As a report section: a line per client; pseudonymised, no id or name is left.
    const section = frontLineSection('en', world.model, list);
    const table = section.blocks[1]!;
    expect(table.kind === 'table' && table.rows.length).toBe(expected.size);
    expect(section.blocks[0]).toMatchObject({
      text: `${expected.size} detractors of 2026-03 to call back, the most valuable first (by “ltv”).`,
    });
    const html = renderReportHtml({
      locale: 'en',
      title: 'Front line',
      about: [],
      sections: [frontLineSection('en', world.model, list, { pseudonymise: true })],
    });
    const names = list.clients.map((c) => c.card[list.columns.findIndex((x) => x.name === 'name')]);
    for (const c of list.clients) expect(html).not.toContain(`>${c.client}<`);
    expect(names.filter((n) => typeof n === 'string' && html.includes(n))).toEqual([]);
    // Each client is a keyed code, one per client; a name written in a comment is removed.
    const codes = [...html.matchAll(/<tr><td>(C-[0-9a-f]{12})<\/td>/g)].map((m) => m[1]);
    expect(new Set(codes).size).toBe(list.clients.length);
    const mentioned = list.clients.find((c) => c.comment !== null)!;
    const written = renderReportHtml({
      locale: 'en',
      title: 'Front line',
      about: [],
      sections: [
        frontLineSection(
          'en',
          world.model,
          {
            ...list,
            clients: [{ ...mentioned, comment: `Call ${names[0]} at +7 (916) 123-45-67, a@b.ru` }],
          },
          { pseudonymise: true },
        ),
      ],
    });
    expect(written).toContain('Call [name]');
    expect(written).toContain('at [phone], [e-mail]');
    // The cause is named at the two planted warehouses, and only there.
    const w = list.columns.findIndex((c) => c.name === 'warehouse');
    for (const c of list.clients) {
      const at = ['WH-2', 'WH-5'].includes(c.card[w] as string);
      expect(c.causes.map((x) => x.indicator)).toEqual(at ? ['it.scanner_coverage'] : []);
    }
  });

  it(
    'goes into a report: verdict, causes at their units, waterfall, the saved what-if',
    SLOW,
    async () => {
      const r = run({
        whatIf: {
          indicator: 'it.scanner_coverage',
          value: 'median',
          at: { unitKind: 'warehouse', units: ['WH-2', 'WH-5'] },
        },
      });
      const section = await traceReportSection('en', world.model, r);
      const kinds = section.blocks.map((b) => b.kind);
      expect(kinds).toEqual([
        'paragraph',
        'paragraph',
        'table',
        'paragraph',
        'table',
        'chart',
        'heading',
        'paragraph',
        'table',
        'paragraph',
      ]);
      const html = renderReportHtml({
        locale: 'en',
        title: 'CX managers',
        about: [],
        sections: [section],
      });
      expect(html).toMatch(/The main supported cause: WMS scanner coverage at WH-[25] and WH-[25]/);
      // Where the gap lands: the detractors' clients churn more and are worth less.
      const money = section.blocks[2]!;
      expect(money.kind === 'table' && money.rows.map((row) => row[0])).toEqual([
        'Churn',
        'Lifetime value',
        'Revenue',
      ]);
      expect(money.kind === 'table' && money.rows[0]![3]).toMatch(/^\+[\d.]+ pp$/);
      const churn = r.outcomes.find((o) => o.indicator === 'tx.churn')!;
      expect(churn.population).toBeGreaterThan(churn.reference);
      expect(churn.n[0]).toBe(r.counts.answers);
      const causes = section.blocks[4]!;
      expect(causes.kind === 'table' && causes.rows[0]![0]).toBe('WMS scanner coverage');
      expect(causes.kind === 'table' && causes.rows[0]![5]).toMatch(/^at WH-[25] and WH-[25] \(/);
      expect(html).toMatch(/<figure aria-label="The gap step by step, chart"><svg /);
      expect(html).toMatch(/<td>NPS<\/td><td class="num">\+[\d.]+ NPS points<\/td>/);
      // For executives: the verdict alone.
      const brief = await traceReportSection('ru', world.model, detractors, { brief: true });
      expect(brief.blocks).toHaveLength(3);
      expect(brief.blocks[1]).toMatchObject({ kind: 'table' });
      expect(brief.blocks[0]).toMatchObject({ kind: 'paragraph', tone: 'verdict' });
      expect(brief.title).toBe('Трассировка');
    },
  );

  it('lists the detractors a warehouse serves, with their client card and what they wrote', () => {
    const q = { population: null, period: null, start: null };
    const at = traceUnitClients(world.model, data, q, { unitKind: 'warehouse', unit: 'WH-2' });
    expect(at).not.toBeNull();
    const names = at!.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['name', 'segment', 'warehouse', 'ltv']));
    expect(names.some((n) => n.startsWith('weight_') || n === 'client_id')).toBe(false);
    expect(at!.clients.length).toBeGreaterThan(20);
    const w = names.indexOf('warehouse');
    expect(new Set(at!.clients.map((c) => c.card[w]))).toEqual(new Set(['WH-2']));
    // Every client listed is a detractor of the trace: the population counts them all.
    const all = ['WH-1', 'WH-2', 'WH-3', 'WH-4', 'WH-5', 'WH-6'].map((unit) =>
      traceUnitClients(world.model, data, q, { unitKind: 'warehouse', unit })!,
    );
    const rows = all.reduce((s, u) => s + u.clients.reduce((t, c) => t + c.rows, 0), 0);
    expect(rows).toBe(detractors.counts.answers);
    expect(at!.commentColumn).toBe('comment');
    expect(at!.comments.length).toBeGreaterThan(10);
    expect(at!.commentCount).toBeGreaterThanOrEqual(at!.comments.length);
    const listed = new Set(at!.clients.map((c) => c.client));
    expect(at!.comments.every((c) => listed.has(c.client))).toBe(true);
    expect(
      traceUnitClients(world.model, data, q, { unitKind: 'nowhere', unit: 'WH-2' }),
    ).toBeNull();
  });

  it('names WMS scanner coverage at WH-2 and WH-5 as the detractors’ cause, with its share', () => {
    const r = detractors;
    expect(r.population?.kind).toBe('detractors');
    expect(r.start).toBe('cx.nps');
    expect(r.definedByStart).toBe(true);
    expect(r.verdict).toBe('cause');
    const first = candidates(r)[0]!;
    expect(first.indicator).toBe('it.scanner_coverage');
    expect(first.supported).toBe(true);
    expect(first.persistentShare).toBeGreaterThanOrEqual(r.settings.materiality);
    expect(first.persistentCi[0]).toBeGreaterThan(0);
    // Each indicator's own gap is its population's mean against the reference's, worse positive.
    for (const c of r.causes) {
      const sign =
        world.model.indicators.find((i) => i.id === c.indicator)!.direction === 'lower' ? 1 : -1;
      expect(c.ownGap).toBeCloseTo(sign * (c.populationValue - c.referenceValue), 9);
    }
    expect(first.populationValue).toBeLessThan(first.referenceValue);
    expect(mainCause(r)).toBe(first);
    expect(
      first.units
        .slice(0, 2)
        .map((u) => u.unit)
        .sort(),
    ).toEqual([...world.truth.affected.warehouses].sort());
    // Each planted warehouse's coverage against the others'.
    for (const u of first.units.slice(0, 2)) expect(u.value).toBeLessThan(u.others - 0.3);
    // The route up: scanners → competency → … → a rating → NPS.
    expect(first.path[0]).toBe('cx.nps');
    expect(first.path).toContain('ex.competency');
    // The decoys carry nothing and are not supported.
    for (const decoy of world.truth.decoys) {
      expect(causeOf(r, decoy).supported).toBe(false);
      expect(Math.abs(causeOf(r, decoy).persistentShare)).toBeLessThan(0.005);
    }
    // The parts add up to the gap (in NPS points: detractors are −100).
    expect(r.gap.population).toBe(-100);
    const sum = r.causes.reduce((s, c) => s + c.contribution, 0) + r.unexplained.contribution;
    expect(Math.abs(sum - r.gap.value)).toBeLessThan(1e-9);
    expect(traceSummary('en', world.model, r)).toMatch(
      /^Detractors: NPS -100\.0 against \+[\d.]+ for the other answers, [\d.]+ NPS points worse \(95% interval [\d.]+ to [\d.]+\)\. The main supported cause: WMS scanner coverage at WH-[25] and WH-[25] \([\d.]+% and [\d.]+% against [\d.]+% at the other units\) — [\d.]+ NPS points of the gap, [\d.]+% \(95% interval [\d.]+% to [\d.]+%\)\. The gap runs above all through /,
    );
    expect(traceSummary('ru', world.model, r)).toMatch(
      /^Критики: NPS -100,0 против \+[\d,]+ у остальных ответов, хуже на [\d,]+ пункта NPS/,
    );
  });

  it('fits the planted links as supported and the decoys’ as not', () => {
    const link = (child: string, parent: string) =>
      detractors.links.find((l) => l.child === child && l.parent === parent)!;
    const planted = link('it.scanner_coverage', 'ex.competency');
    expect(planted.supported).toBe(true);
    expect(planted.signMatches).toBe(true);
    expect(planted.units).toBe(6);
    expect(planted.smallSample).toBe(true);
    expect(link('it.qc_tools', 'ox.picking_error_rate').supported).toBe(false);
    expect(link('ex.training_hours', 'ox.on_time_share').supported).toBe(false);
  });

  it('a planted warehouse’s clients, as a segment, trace to its scanners', SLOW, () => {
    const warehouse = world.truth.affected.warehouses[0]!;
    const r = run({ population: { kind: 'segment', column: 'warehouse', value: warehouse } });
    expect(r.comparedWith).toBe('clients');
    expect(r.definedByStart).toBe(false);
    expect(r.gap.value).toBeGreaterThan(0);
    expect(r.verdict).toBe('cause');
    expect(candidates(r)[0]!.indicator).toBe('it.scanner_coverage');
    expect(candidates(r)[0]!.units[0]!.unit).toBe(warehouse);
    // Its clients by scanner coverage, worst (lowest) first: all of the warehouse's.
    const clients = traceClients(
      world.model,
      data,
      { population: r.population, period: null, start: null },
      'it.scanner_coverage',
      10_000,
      prepared,
    );
    expect(clients.length).toBe(r.counts.clients);
    const values = clients.map((c) => c.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('a segment no worse than the rest gets “none”, not a cause', SLOW, () => {
    // Warehouse WH-3 is a well-run one: its clients are not worse than the others.
    const r = run({ population: { kind: 'segment', column: 'warehouse', value: 'WH-3' } });
    expect(r.verdict).toBe('none');
    expect(traceSummary('en', world.model, r)).toMatch(
      /^Clients with warehouse = WH-3 are not worse than the other clients beyond chance/,
    );
  });

  it('a handed-over list of clients is traced; a start and a period are respected', SLOW, () => {
    const ids = world.files
      .find((f) => f.name === 'clients')!
      .csv.split('\n')
      .slice(1, 400)
      .map((line) => line.split(',')[0]!);
    const handed = run({
      population: { kind: 'clients', ids, label: 'cluster' },
      start: 'cx.delivery_rating',
    });
    expect(handed.start).toBe('cx.delivery_rating');
    expect(handed.comparedWith).toBe('clients');
    expect(handed.counts.clients).toBeGreaterThan(0);
    expect(handed.counts.clients).toBeLessThanOrEqual(ids.length);
    expect(handed.causes.every((c) => c.path[0] === 'cx.delivery_rating')).toBe(true);
    const period = handed.periods.at(-1)!;
    const one = run({ population: { kind: 'clients', ids, label: 'cluster' }, period });
    expect(one.periods).toEqual([period]);
    expect(one.counts.answers).toBeLessThan(handed.counts.answers);
  });

  it('a low outcome handed over by a drivers analysis is traced from its rating', SLOW, () => {
    const low = run({
      population: {
        kind: 'low',
        dataset: 'survey',
        target: 'rating_delivery',
        rule: { kind: 'below', threshold: 3 },
        client: 'client_id',
        date: 'date',
      },
    });
    // The low answers define the start: the delivery rating itself.
    expect(low.start).toBe('cx.delivery_rating');
    expect(low.definedByStart).toBe(true);
    expect(low.gap.population).toBeLessThan(3);
    expect(low.gap.reference).toBeGreaterThan(3);
    expect(low.verdict).toBe('cause');
    // The lead cause by persistent share (late shipments' bigger part comes and goes by month).
    expect(mainCause(low)!.indicator).toBe('it.scanner_coverage');
    // A period with no low answer: nobody.
    const empty = run({ population: low.population, period: '1999-01' });
    expect(empty.counts.answers).toBe(0);
  });

  it(
    'who left (a client-card outcome with no date) is compared with the clients who stayed',
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
      expect(left.comparedWith).toBe('clients');
      expect(left.counts.clients).toBeGreaterThan(50);
      expect(left.gap.value).toBeGreaterThan(0);
    },
  );

  it('a population whose column is gone says which; an empty one finds nobody', SLOW, () => {
    const gone = run({
      population: {
        kind: 'detractors',
        dataset: 'survey',
        score: 'nps2',
        client: 'client_id',
        date: 'date',
      },
    });
    expect(gone.missing).toBe('nps2');
    const empty = run({ population: { kind: 'clients', ids: [], label: 'none' } });
    expect(empty.counts.answers).toBe(0);
    expect(empty.verdict).toBe('none');
  });

  it('a what-if: the planted warehouses at the others’ median coverage lift NPS', SLOW, () => {
    const r = run({
      whatIf: {
        indicator: 'it.scanner_coverage',
        value: 'median',
        at: { unitKind: 'warehouse', units: world.truth.affected.warehouses },
      },
    });
    const w = r.whatIf!;
    expect(w.value).toBeGreaterThan(0.8);
    const nps = w.effects.find((e) => e.indicator === 'cx.nps')!;
    expect(nps.change).toBeGreaterThan(0);
    expect(nps.ci[0]).toBeGreaterThan(0);
    expect(w.effects.find((e) => e.indicator === 'ex.competency')!.change).toBeGreaterThan(0);
    expect(w.effects.some((e) => e.indicator === 'tx.churn')).toBe(true);
  });

  it('a stored trace cell is repaired at load: a bad population falls back to the default', () => {
    expect(restoreTraceCellData({ population: { kind: 'segment' } }).population).toBeNull();
    expect(
      restoreTraceCellData({ population: { kind: 'clients', ids: ['a', 'a', 3, 'b'] } }).population,
    ).toEqual({ kind: 'clients', ids: ['a', 'b'], label: '' });
    expect(
      restoreTraceCellData({
        population: {
          kind: 'low',
          dataset: 's',
          target: 'r',
          client: 'c',
          rule: { kind: 'at-most', threshold: 2 },
        },
      }).population,
    ).toMatchObject({ rule: { kind: 'at-most', threshold: 2 } });
    expect(restoreTraceCellData('junk')).toEqual({
      modelId: null,
      population: null,
      period: null,
      start: null,
      settings: {},
      whatIf: null,
    });
  });
});
