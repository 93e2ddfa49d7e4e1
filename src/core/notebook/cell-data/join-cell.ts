import type { PeriodGrain } from '../../analysis/join-datasets.ts';

/** A join cell's data: which datasets and columns it links, and the dataset it made. */
export interface JoinCellData {
  left: string | null;
  leftKey: string | null;
  right: string | null;
  rightKey: string | null;
  /** Period columns to match as well (both or neither), and at which grain. */
  leftPeriod: string | null;
  rightPeriod: string | null;
  grain: PeriodGrain;
  name: string;
  resultId: string | null;
}

/** A new join cell with nothing chosen. */
export function createJoinCellData(): JoinCellData {
  return {
    left: null,
    leftKey: null,
    right: null,
    rightKey: null,
    leftPeriod: null,
    rightPeriod: null,
    grain: 'month',
    name: '',
    resultId: null,
  };
}

/** Repairs stored join-cell data. */
export function restoreJoinCellData(raw: unknown): JoinCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const grain = r.grain === 'exact' || r.grain === 'quarter' ? r.grain : 'month';
  return {
    left: str(r.left),
    leftKey: str(r.leftKey),
    right: str(r.right),
    rightKey: str(r.rightKey),
    leftPeriod: str(r.leftPeriod),
    rightPeriod: str(r.rightPeriod),
    grain,
    name: typeof r.name === 'string' ? r.name : '',
    resultId: str(r.resultId),
  };
}
