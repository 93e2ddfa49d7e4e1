import { AUDIENCES } from '../report/audience.ts';
import { newId } from '../ids.ts';
import { NOTEBOOK_VERSION, type Cell, type Notebook } from './notebook.ts';

/** Restores one cell kind's data from whatever was stored; must not throw. */
export type RestoreCellData = (kind: string, data: unknown) => unknown;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const finiteOr = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/**
 * Repairs a stored notebook record of any age or damage into a valid `Notebook`, or returns
 * null when the record is not recognisably a notebook (no id). Cells without a kind are dropped;
 * cells of unknown kinds are kept as they are so that a newer version's work is not lost;
 * duplicate cell ids get fresh ones.
 */
export function restoreNotebook(
  raw: unknown,
  restoreCellData: RestoreCellData = (_k, d) => d,
  now = Date.now(),
): Notebook | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return null;
  const createdAt = finiteOr(raw.createdAt, now);
  const seen = new Set<string>();
  const cells: Cell[] = [];
  for (const c of Array.isArray(raw.cells) ? raw.cells : []) {
    if (!isRecord(c) || typeof c.kind !== 'string' || c.kind === '') continue;
    let id = typeof c.id === 'string' && c.id !== '' ? c.id : newId();
    if (seen.has(id)) id = newId();
    seen.add(id);
    cells.push({
      id,
      kind: c.kind,
      collapsed: c.collapsed === true,
      data: restoreCellData(c.kind, c.data),
    });
  }
  return {
    version: NOTEBOOK_VERSION,
    id: raw.id,
    title: typeof raw.title === 'string' ? raw.title : '',
    createdAt,
    updatedAt: finiteOr(raw.updatedAt, createdAt),
    cells,
    settings: {
      autoRun: isRecord(raw.settings) && raw.settings.autoRun === true,
      ...(isRecord(raw.settings) &&
      AUDIENCES.includes(raw.settings.reportAudience as (typeof AUDIENCES)[number])
        ? { reportAudience: raw.settings.reportAudience as (typeof AUDIENCES)[number] }
        : {}),
    },
  };
}
