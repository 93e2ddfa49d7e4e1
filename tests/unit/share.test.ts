import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoWorld, type DemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv, type LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import { traceAnalysis } from '../../src/core/analysis/trace/trace-analysis.ts';
import { satisfactionIndex } from '../../src/core/index/satisfaction-index.ts';
import { indexView } from '../../src/core/index/index-view.ts';
import { frontLineList } from '../../src/core/report/front-line.ts';
import { npsByGroup, periodKeys } from '../../src/core/metrics/group-metrics.ts';
import { createCell, createNotebook } from '../../src/core/notebook/notebook.ts';
import type { DatasetMeta } from '../../src/core/storage/dataset-meta.ts';
import { makeSharePayload, type ShareSource } from '../../src/core/share/make-share.ts';
import {
  decodePayload,
  encodePayload,
  type SharePayload,
  type SharedResult,
} from '../../src/core/share/share-payload.ts';
import { openShare, sealShare, toBase64Url } from '../../src/core/share/share-envelope.ts';
import { shareViewDocument } from '../../src/core/share/share-view.ts';
import type {
  FrontLineCellResult,
  IndexViewOutput,
} from '../../src/core/worker-api/analysis-api.ts';
import { SLOW } from './slow.ts';

let world: DemoWorld;
let data: LoadedDataset[];
let source: ShareSource;
let ids: string[];
let names: string[];

const metaOf = (d: LoadedDataset): DatasetMeta => ({
  id: `id-${d.name}`,
  name: d.name,
  createdAt: 0,
  rowCount: Object.values(d.columns)[0]?.length ?? 0,
  chunkCount: 1,
  columns: Object.keys(d.columns).map((name) => ({
    name,
    type: d.types[name]!,
    ...(d.roles?.[name] ? { role: d.roles[name] } : {}),
  })),
});

/** A shared dataset loaded back as the analyses read one. */
const loadShared = (d: SharePayload['datasets'][number]): LoadedDataset => ({
  name: d.name,
  columns: Object.fromEntries(d.columns.map((c, k) => [c.name, d.values[k]!])),
  types: Object.fromEntries(d.columns.map((c) => [c.name, c.type])),
  roles: Object.fromEntries(d.columns.map((c) => [c.name, c.role])),
});

const result = (method: string, cell: string, value: unknown): SharedResult => ({
  key: `analysis:${method}:x`,
  request: {
    worker: 'analysis',
    method,
    input: { modelId: world.model.id },
    reads: { datasets: data.map((d) => `id-${d.name}`), models: [world.model.id], cells: [] },
  },
  versions: { datasets: {}, models: {}, cells: {} },
  createdAt: 1,
  cellIds: [cell],
  value,
});

function npsByMonth(survey: LoadedDataset) {
  return npsByGroup(survey.columns.nps!, periodKeys(survey.columns.date!, 'month'));
}

beforeAll(async () => {
  world = generateDemoWorld();
  data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
  const trace = traceAnalysis(world.model, data, { population: null, period: null, start: null });
  const view = indexView(
    satisfactionIndex(world.model, data),
    { period: null, segmentColumn: null, segment: null },
    null,
    [],
  );
  const list = frontLineList(world.model, data, trace)!;
  const notebook = createNotebook('Shared demo', 0);
  const cells = ['trace', 'index', 'frontline', 'nps', 'secret'].map((k) => createCell(k, {}));
  notebook.cells = [createCell('markdown', { source: '# Findings\n\nWhat we found.' }), ...cells];
  const survey = data.find((d) => d.name === 'survey')!;
  source = {
    notebook,
    models: [world.model],
    results: [
      result('traceCell', cells[0]!.id, { ok: true, result: trace, segments: [] }),
      result('indexCell', cells[1]!.id, { ok: true, view, problems: [], clientPeriods: 1 }),
      result('frontLineCell', cells[2]!.id, { ok: true, list, traced: true }),
      result('npsCell', cells[3]!.id, {
        summary: {
          ok: true,
          summary: npsByMonth(survey).overall,
          rows: survey.columns.nps!.length,
        },
        groups: { ok: true, result: npsByMonth(survey) },
      }),
      result('someNewCell', cells[4]!.id, { rows: ['C00001'] }),
    ],
    datasets: data.map((d) => ({ meta: metaOf(d), values: Object.values(d.columns) })),
    datasetNames: Object.fromEntries(data.map((d) => [`id-${d.name}`, d.name])),
  };
  const clients = data.find((d) => d.name === 'clients')!;
  ids = Array.from(clients.columns.client_id!, String);
  names = Array.from(clients.columns.name!, String);
}, 120_000);

/** Numbers to 10 significant digits: sums taken in another order differ in the last bits. */
const rounded = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === 'number' ? Number(v.toPrecision(10)) : v,
  );

/** The client ids and names that appear, quoted as whole JSON strings, in a payload. */
function leaked(text: string): string[] {
  return [...ids, ...names].filter((v) => text.includes(JSON.stringify(v)));
}

describe('a share of the demo', () => {
  it(
    'is row-free by default: no client id or name, the aggregates as they were',
    SLOW,
    async () => {
      const payload = makeSharePayload(
        { ...source, datasets: [] },
        { clientLists: false, datasets: [], pseudonymise: true, columns: [] },
      );
      const text = JSON.stringify(payload);
      expect(leaked(text)).toEqual([]);
      expect(payload.clientRows).toBe('left-out');
      expect(payload.datasets).toEqual([]);
      // A kind this version cannot say is row-free is not shared at all.
      expect(payload.results.map((r) => r.request.method)).toEqual([
        'traceCell',
        'indexCell',
        'frontLineCell',
        'npsCell',
      ]);
      const [trace, index, front, nps] = payload.results.map((r) => r.value);
      expect(trace).toEqual(source.results[0]!.value);
      expect((index as IndexViewOutput & { ok: true }).view.clients).toEqual([]);
      expect((index as IndexViewOutput & { ok: true }).view.byPeriod).toEqual(
        (source.results[1]!.value as IndexViewOutput & { ok: true }).view.byPeriod,
      );
      expect(front).toMatchObject({ ok: true, list: null, withheld: true });
      expect(nps).toEqual(source.results[3]!.value);
      // The demo's row-free share fits in a link (reported in the note).
      const sealed = await sealShare(encodePayload(payload), { kind: 'random' });
      console.log(`demo row-free share: ${sealed.bytes.length} bytes sealed`);
      expect(sealed.bytes.length).toBeLessThan(64 * 1024);
      // Read back whole, and viewable without importing: the trace names its cause.
      const back = decodePayload(await openShare(sealed.bytes, { kind: 'key', key: sealed.key! }));
      expect(back.results).toEqual(payload.results);
      const view = await shareViewDocument('en', back);
      expect(view.sections.map((s) => s.title)).toEqual([
        '',
        'Trace',
        'Satisfaction index',
        'Clients to recover',
        'NPS summary',
        'secret',
      ]);
      expect(JSON.stringify(view.sections[1])).toContain('WMS scanner coverage');
    },
  );

  it(
    'pseudonymised with rows: no client id or name anywhere, one code per client, equal aggregates',
    SLOW,
    () => {
      const payload = makeSharePayload(source, {
        clientLists: true,
        datasets: source.datasets.map((d) => d.meta.id),
        pseudonymise: true,
        columns: [],
      });
      expect(payload.clientRows).toBe('pseudonymised');
      expect(leaked(JSON.stringify(payload))).toEqual([]);
      // The front line's list names the same codes as the shared client card.
      const shared = payload.datasets.map(loadShared);
      const card = shared.find((d) => d.name === 'clients')!;
      const codes = new Set(Array.from(card.columns.client_id!, String));
      expect(codes.size).toBe(ids.length);
      const front = payload.results[2]!.value as FrontLineCellResult & { ok: true };
      expect(front.list!.clients.length).toBeGreaterThan(20);
      expect(front.list!.clients.every((c) => codes.has(c.client))).toBe(true);
      // Aggregates computed again on the pseudonymised rows equal the originals.
      const again = indexView(
        satisfactionIndex(world.model, shared),
        { period: null, segmentColumn: null, segment: null },
        null,
        [],
      );
      const before = (source.results[1]!.value as IndexViewOutput & { ok: true }).view;
      expect(rounded(again.byPeriod)).toEqual(rounded(before.byPeriod));
      expect(rounded(again.blocks)).toEqual(rounded(before.blocks));
      const survey = shared.find((d) => d.name === 'survey')!;
      expect(npsByMonth(survey)).toEqual(npsByMonth(data.find((d) => d.name === 'survey')!));
      const trace = traceAnalysis(world.model, shared, {
        population: null,
        period: null,
        start: null,
      });
      const was = (source.results[0]!.value as { result: typeof trace }).result;
      expect(rounded(trace.gap)).toEqual(rounded(was.gap));
      expect(trace.causes.map((c) => [c.indicator, c.supported])).toEqual(
        was.causes.map((c) => [c.indicator, c.supported]),
      );
    },
  );

  it('shares a filtered subset of rows: only the segment asked for, in every dataset that has it', () => {
    const payload = makeSharePayload(source, {
      clientLists: false,
      datasets: ['id-clients', 'id-survey'],
      pseudonymise: true,
      columns: [],
      filter: { column: 'warehouse', value: 'WH-2' },
    });
    const clients = data.find((d) => d.name === 'clients')!;
    const wanted = Array.from(clients.columns.warehouse!).filter((w) => w === 'WH-2').length;
    const shared = payload.datasets.map(loadShared);
    expect(shared.map((d) => d.name).sort()).toEqual(['clients', 'survey']);
    const card = shared.find((d) => d.name === 'clients');
    const survey = shared.find((d) => d.name === 'survey');
    expect(card!.columns.client_id!.length).toBe(wanted);
    expect(payload.datasets.find((d) => d.name === 'clients')!.rows).toBe(wanted);
    expect(new Set(Array.from(card!.columns.warehouse!))).toEqual(new Set(['WH-2']));
    // The survey has no warehouse column: all its rows go, pseudonymised.
    expect(survey!.columns.nps!.length).toBe(
      data.find((d) => d.name === 'survey')!.columns.nps!.length,
    );
  });

  it('keeps typed arrays (SHAP values, sampled rows) as typed arrays, blanks as NaN', () => {
    const payload = makeSharePayload(
      { ...source, datasets: [] },
      { clientLists: true, datasets: [], pseudonymise: false, columns: [] },
    );
    const sample = { shap: new Float64Array([0.5, NaN, -1]), rows: new Int32Array([3, 7]) };
    payload.results.push({ ...payload.results[3]!, value: sample });
    const back = decodePayload(encodePayload(payload)).results[4]!.value as typeof sample;
    expect(back.shap).toBeInstanceOf(Float64Array);
    expect(Array.from(back.shap)).toEqual([0.5, NaN, -1]);
    expect(back.rows).toEqual(new Int32Array([3, 7]));
  });

  it('is opened by a second program that knows only the format document', async () => {
    const payload = makeSharePayload(
      { ...source, datasets: [] },
      { clientLists: false, datasets: [], pseudonymise: true, columns: [] },
    );
    const sealed = await sealShare(encodePayload(payload), { kind: 'random' });
    const dir = mkdtempSync(join(tmpdir(), 'cx-share-'));
    try {
      const file = join(dir, 'demo.cxtrace');
      writeFileSync(file, sealed.bytes);
      const out = execFileSync(
        process.execPath,
        ['tests/open-share.mjs', file, '--key', toBase64Url(sealed.key!)],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(payload)));
      const link = `http://localhost/#/open?d=${toBase64Url(sealed.bytes)}&k=${toBase64Url(sealed.key!)}`;
      const fromLink = execFileSync(process.execPath, ['tests/open-share.mjs', link], {
        encoding: 'utf8',
      });
      expect(JSON.parse(fromLink).notebook.title).toBe('Shared demo');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
