import { describe, expect, it } from 'vitest';
import { joinTables, periodKey } from '../../src/core/analysis/join-datasets.ts';

const survey = {
  names: ['client', 'date', 'nps'],
  columns: [
    ['K1', 'K2', 'K3', 'K1', null, ' K9 '],
    [
      new Date(Date.UTC(2026, 0, 10)),
      new Date(Date.UTC(2026, 0, 12)),
      new Date(Date.UTC(2026, 1, 3)),
      new Date(Date.UTC(2026, 1, 20)),
      new Date(Date.UTC(2026, 1, 21)),
      new Date(Date.UTC(2026, 1, 22)),
    ],
    [9, 3, 7, 10, 5, 6],
  ],
};
const clients = {
  names: ['id', 'grade', 'nps'],
  columns: [
    ['K1', 'K2', 'K3', 'K4', 'K5'],
    ['A', 'B', 'C', 'A', 'B'],
    [1, 2, 3, 4, 5],
  ],
};

describe('joining datasets by key', () => {
  it('adds the client card to each response and reports keys without a partner', () => {
    const { table, report } = joinTables(
      survey,
      clients,
      { leftKey: 'client', rightKey: 'id' },
      'clients',
    );
    expect(table.names).toEqual(['client', 'date', 'nps', 'grade', 'nps (clients)']);
    expect(table.columns[3]).toEqual(['A', 'B', 'C', 'A', null, null]);
    expect(report).toMatchObject({
      leftRows: 6,
      rightRows: 5,
      rows: 6,
      matchedLeftRows: 4,
      unmatchedLeftRows: 2,
      unmatchedLeftKeys: 1,
      unmatchedLeftExamples: ['K9'],
      unmatchedRightKeys: 2,
      unmatchedRightExamples: ['K4', 'K5'],
      blankKeyRows: 1,
      multiMatchedLeftRows: 0,
    });
  });

  it('matches by key and month, and multiplies rows for several matches (reported)', () => {
    const shipments = {
      names: ['client', 'month', 'late'],
      columns: [
        ['K1', 'K1', 'K2', 'K1', 'K1'],
        ['2026-01', '2026-02', '2026-01', '2026-02', '2026-03'],
        [1, 0, 4, 2, 9],
      ],
    };
    const { table, report } = joinTables(
      survey,
      shipments,
      {
        leftKey: 'client',
        rightKey: 'client',
        period: { left: 'date', right: 'month', grain: 'month' },
      },
      'shipments',
    );
    expect(table.names).toEqual(['client', 'date', 'nps', 'late']);
    // K1 in February has two shipment rows: that response appears twice.
    expect(table.columns[3]).toEqual([1, 4, null, 0, 2, null, null]);
    expect(report).toMatchObject({
      rows: 7,
      matchedLeftRows: 3,
      multiMatchedLeftRows: 1,
      unmatchedRightKeys: 1,
    });
    expect(report.unmatchedRightExamples).toEqual(['K1 · 2026-03']);
  });

  it('matches numbers and their text, and turns dates into months and quarters', () => {
    const { report } = joinTables(
      { names: ['k'], columns: [[7, '8']] },
      {
        names: ['k', 'v'],
        columns: [
          ['7', 8],
          ['a', 'b'],
        ],
      },
      { leftKey: 'k', rightKey: 'k' },
      'r',
    );
    expect(report.matchedLeftRows).toBe(2);
    expect(periodKey(new Date(Date.UTC(2026, 4, 31)), 'quarter')).toBe('2026-Q2');
    expect(periodKey('2026-05-31', 'month')).toBe('2026-05');
    expect(periodKey('', 'month')).toBeNull();
  });
});
