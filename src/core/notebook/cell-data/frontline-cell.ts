import { modelReads, type ModelContext } from './model-reads.ts';
import type { CellRequest } from '../cell-query.ts';

/**
 * A front-line cell's data: the clients to recover now (the detractors of the last period with
 * answers) of a service model, with the causes a trace cell of the notebook found at their units.
 */
export interface FrontLineCellData {
  /** A stored service model; null means the first one stored. */
  modelId: string | null;
  /** The trace cell whose causes the list shows; null for the model's own default trace. */
  traceCell: string | null;
  /** Client numbers instead of ids, and no columns that name a person (as the report's option). */
  pseudonymise: boolean;
}

/** A new front-line cell: the first model, its default trace. */
export function createFrontLineCellData(): FrontLineCellData {
  return { modelId: null, traceCell: null, pseudonymise: false };
}

/** Repairs stored front-line cell data. */
export function restoreFrontLineCellData(raw: unknown): FrontLineCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    modelId: str(r.modelId),
    traceCell: str(r.traceCell),
    pseudonymise: r.pseudonymise === true,
  };
}

/** What a front-line cell asks the analysis worker. */
export interface FrontLineCellInput {
  modelId: string;
  /** The trace cell whose shown result gives the causes; null for the model's default trace. */
  traceCell: string | null;
}

/** What a front-line cell's request is made from besides its settings. */
export interface FrontLineCellContext extends ModelContext {
  /** The version of the result each other cell shows (see `sourceVersion`). */
  sources: Readonly<Record<string, string | null>>;
}

/**
 * The cell's request: its model (the first stored one by default); null without a model, or
 * while the chosen trace cell has no result. Pseudonymising only changes what is shown, so it is
 * not part of the request. It reads the model, every stored dataset the model reads, and the
 * trace cell.
 */
export function frontLineCellQuery(
  data: FrontLineCellData,
  context: FrontLineCellContext,
): CellRequest | null {
  const model = data.modelId
    ? context.models.find((m) => m.id === data.modelId)
    : context.models[0];
  if (!model) return null;
  if (data.traceCell && !context.sources[data.traceCell]) return null;
  const input: FrontLineCellInput = { modelId: model.id, traceCell: data.traceCell };
  return {
    worker: 'analysis',
    method: 'frontLineCell',
    input,
    reads: modelReads(model, context.datasets, data.traceCell ? [data.traceCell] : []),
  };
}
