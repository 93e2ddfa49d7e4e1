import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { driverTable } from '../../src/core/analysis/driver-table.ts';
import { targetLabels } from '../../src/core/analysis/driver-target.ts';
import { describeTarget } from '../../src/core/analysis/driver-messages.ts';
import { restoreDatasetMeta } from '../../src/core/storage/dataset-meta.ts';
import { yesNoLabels } from '../../src/core/ingest/typed-chunks.ts';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import type { ServiceModel } from '../../src/core/model/model-types.ts';
import { realFile } from '../fixtures/real/real-files.ts';

describe('a yes/no column keeps its file’s own words', () => {
  it('telco’s Churn offers Yes/No, and Churn = Yes marks the churners', async () => {
    const telco = await loadCsv(
      'telco',
      readFileSync(realFile('telco_customer_churn.csv'), 'utf8'),
    );
    expect(telco.types.Churn).toBe('boolean');
    expect(telco.labels?.Churn).toEqual({ yes: 'Yes', no: 'No' });
    const { y } = targetLabels('Churn', telco.columns.Churn!, { kind: 'equals', value: 'Yes' });
    expect(y.reduce((a, b) => a + b, 0)).toBe(1869);
    expect(describeTarget('en', 'Churn', { kind: 'equals', value: 'Yes' })).toBe('Churn = Yes');
  });

  it('takes the first spelling of each, and none when one side never occurs', () => {
    expect(yesNoLabels(['no ', 'YES', 'yes'])).toEqual({ labels: { yes: 'YES', no: 'no' } });
    expect(yesNoLabels(['да', 'нет'])).toEqual({ labels: { yes: 'да', no: 'нет' } });
    expect(yesNoLabels(['yes', 'y'])).toEqual({});
  });

  it('survives storage: kept when whole, dropped when broken', () => {
    const meta = (labels: unknown) => ({
      id: 'd1',
      name: 'clients',
      rowCount: 1,
      chunkCount: 1,
      columns: [{ name: 'Churn', type: 'boolean', labels }],
    });
    expect(restoreDatasetMeta(meta({ yes: 'Yes', no: 'No' }))!.columns[0]!.labels).toEqual({
      yes: 'Yes',
      no: 'No',
    });
    for (const broken of [null, 'Yes', { yes: 'Yes' }, { yes: '', no: 'No' }, { yes: 1, no: 0 }])
      expect(restoreDatasetMeta(meta(broken))!.columns[0]).not.toHaveProperty('labels');
  });

  it('a yes/no column stored without words is described as yes/no in the user’s language', () => {
    expect(describeTarget('en', 'churned', { kind: 'equals', value: 'true' })).toBe(
      'churned = yes',
    );
    expect(describeTarget('ru', 'Ушёл', { kind: 'equals', value: 'true' })).toBe('Ушёл = да');
  });

  it('the Russian demo writes да/нет, and a drivers table joined from the card keeps them', async () => {
    const world = generateDemoWorld({ clients: 60, months: 6, lang: 'ru' });
    const data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
    const clients = data.find((d) => d.name === 'clients')!;
    const survey = data.find((d) => d.name === 'survey')!;
    const churned = Object.keys(clients.types).find((c) => clients.types[c] === 'boolean')!;
    expect(clients.labels?.[churned]).toEqual({ yes: 'да', no: 'нет' });
    const table = driverTable(survey, world.model as ServiceModel, data, null);
    expect(table.sources[churned]).toEqual({ kind: 'card' });
    expect(table.labels[churned]).toEqual({ yes: 'да', no: 'нет' });
  });
});
