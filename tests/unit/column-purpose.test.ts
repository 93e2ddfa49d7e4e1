import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { profileTable } from '../../src/core/ingest/inspect.ts';
import { storedColumns } from '../../src/core/ingest/typed-chunks.ts';
import { columnsFor } from '../../src/core/ingest/column-purpose.ts';
import { cardJoin, cardValueColumns, valuesByClient } from '../../src/core/model/card-values.ts';
import type { DatasetMeta } from '../../src/core/storage/dataset-meta.ts';

const world = generateDemoWorld({ clients: 80, months: 6, lang: 'en' });
/** The demo's datasets as they are stored: columns with the importer's types and roles. */
const stored: DatasetMeta[] = await Promise.all(
  world.files.map(async (f, k) => {
    const report = profileTable(await readSource(new TextEncoder().encode(f.csv), `${f.name}.csv`));
    return {
      id: `id-${f.name}`,
      name: f.name,
      createdAt: k,
      rowCount: f.rows,
      chunkCount: 1,
      columns: storedColumns(report.columns),
    };
  }),
);
const meta = (name: string) => stored.find((d) => d.name === name)!;
const names = (name: string, purpose: 'group' | 'value') =>
  columnsFor(meta(name).columns, purpose).map((c) => c.name);

describe('columns offered by purpose', () => {
  it('groups by categories and yes/no, never by ids, comments or dates', () => {
    expect(names('survey', 'group')).toEqual(['contact_role']);
    expect(names('clients', 'group')).toEqual([
      'segment',
      'grade',
      'region',
      'warehouse',
      'account_manager',
      'churned',
    ]);
  });

  it('takes a value at risk from amounts, never scores, weights or ids', () => {
    expect(names('clients', 'value')).toEqual(['ltv']);
    expect(names('survey', 'value')).toEqual([]);
    expect(names('shipments', 'value')).toContain('revenue');
  });
});

describe('a value at risk from the client card', () => {
  it('joins the survey to the demo model’s card by client, and offers its LTV', () => {
    const join = cardJoin(world.model, stored, meta('survey'))!;
    expect(join).toMatchObject({ key: 'client_id', client: 'client_id' });
    expect(join.card.name).toBe('clients');
    expect(cardValueColumns(world.model, stored, meta('survey')).map((c) => c.name)).toEqual([
      'ltv',
    ]);
    // The card itself, or a model without a card, has no join.
    expect(cardJoin(world.model, stored, meta('clients'))).toBeNull();
    expect(cardJoin({ ...world.model, clientCard: undefined }, stored, meta('survey'))).toBeNull();
  });

  it('gives each row its client’s value, none (not 0) for a client not on the card', () => {
    const values = valuesByClient(
      ['K2', 'K1', 'K9', null, ' K1 '],
      ['K1', 'K2', 'K1'],
      [100, 250.5, 999],
    );
    expect(Array.from(values)).toEqual([250.5, 100, NaN, NaN, 100]);
  });
});
