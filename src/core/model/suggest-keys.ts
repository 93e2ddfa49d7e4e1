import type { ColumnInfo } from '../storage/dataset-meta.ts';
import type { DatasetKeys } from './model-types.ts';

/**
 * Key columns of a dataset as the importer's roles suggest them: the first client-id column as
 * the client, the first period column (else date column) as the period. The unit is left to the
 * analyst, who also knows its kind.
 */
export function suggestKeys(columns: readonly Pick<ColumnInfo, 'name' | 'role'>[]): DatasetKeys {
  const first = (...roles: string[]) =>
    roles.map((r) => columns.find((c) => c.role === r)?.name).find((n) => n !== undefined);
  const client = first('client-id');
  const period = first('period', 'date');
  return { ...(client ? { client } : {}), ...(period ? { period } : {}) };
}

/** Roles whose columns suit an aggregate best (offered first when binding). */
export const AGGREGATE_ROLES: Record<string, readonly string[]> = {
  nps: ['nps'],
  mean: ['factor-rating', 'csat', 'nps'],
  share: ['target'],
};
