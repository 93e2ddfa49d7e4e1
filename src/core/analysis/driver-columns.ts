import type { DriverColumnInfo } from '../worker-api/drivers-api.ts';
import type { DriverTable } from './driver-table.ts';
import { featureChoices } from './driver-target.ts';

/**
 * The columns of a drivers table as the cell shows them: each candidate feature with its kind,
 * why it is left out by default (if it is), and where it comes from (for its label).
 */
export function driverColumnInfos(table: DriverTable, target: string | null): DriverColumnInfo[] {
  return featureChoices(table.columns, table.types, target ?? '', table.roles, table.outcomes).map(
    (c) => ({ ...c, source: table.sources[c.name] ?? { kind: 'dataset' } }),
  );
}
