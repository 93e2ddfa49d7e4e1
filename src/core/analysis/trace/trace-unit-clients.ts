/**
 * The clients of a trace's population that a unit serves (the client card names each client's
 * unit of every kind): each with the client card's columns and the population's rows behind it,
 * and what they wrote — the comments of the population's answers, from the answers' `comment`
 * column — so that the analyst sees the people behind a cause at its unit.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import type { LoadedDataset } from '../../index/loaded-dataset.ts';
import { findDataset, keyText } from '../../index/indicator-values.ts';
import { cardColumns, cardValue, type CardColumn } from '../../index/client-card.ts';
import { readTraceData, type TraceData } from './trace-data.ts';
import { POPULATION, traceFrame } from './trace-frame.ts';
import { defaultPopulation, startIndicator } from './trace-start.ts';
import type { TraceQuery } from './trace-types.ts';

/** Client-card columns shown at most (the key and per-client importance weights left out). */
const CARD_COLUMNS = 10;

/** A client of the population at a unit. */
export interface UnitClient {
  client: string;
  /** The population's rows of the client (answers, or client-periods). */
  rows: number;
  /** The client card's values, in `columns` order (dates as epoch ms, blank as null). */
  card: (string | number | boolean | null)[];
}

/** The population's clients at one unit, and their comments. */
export interface UnitClients {
  unitKind: string;
  unit: string;
  columns: CardColumn[];
  clients: UnitClient[];
  /** The column the comments come from; null when the answers have none. */
  commentColumn: string | null;
  /** Up to `commentLimit` comments of the population's answers of these clients, latest first. */
  comments: { client: string; text: string }[];
  /** All such comments (the list may show fewer). */
  commentCount: number;
}

/** See the module comment; null when the model has no client card or no such unit kind. */
export function traceUnitClients(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  query: TraceQuery,
  at: { unitKind: string; unit: string },
  commentLimit = 200,
  prepared?: TraceData,
): UnitClients | null {
  const kind = model.unitKinds.find((k) => k.id === at.unitKind);
  const card = model.clientCard;
  const cardData = card ? findDataset(card.dataset, datasets) : undefined;
  if (!kind || !card || !cardData) return null;
  const ids = cardData.columns[card.key];
  const units = cardData.columns[kind.column];
  if (!ids || !units) return null;

  const cardRow = new Map<string, number>();
  for (let r = 0; r < ids.length; r++) {
    const id = keyText(ids[r]);
    if (id !== null && !cardRow.has(id) && keyText(units[r]) === at.unit) cardRow.set(id, r);
  }
  const columns = cardColumns(cardData, card.key, CARD_COLUMNS);

  const data = prepared ?? readTraceData(model, datasets);
  const population = query.population ?? defaultPopulation(model);
  const start = population ? startIndicator(model, data, population, query.start) : null;
  const startData = start === null ? undefined : data.indicators.get(start);
  if (!population || !startData || (startData.kind !== 'rows' && startData.kind !== 'cells')) {
    return null;
  }
  const frame = traceFrame(model, datasets, data, startData, population, query.period);
  const answers = startData.kind === 'rows' ? findDataset(startData.dataset, datasets) : undefined;
  const commentColumn = answers
    ? (Object.keys(answers.columns).find((c) => answers.roles?.[c] === 'comment') ?? null)
    : null;
  const texts = commentColumn ? answers!.columns[commentColumn] : undefined;

  const rows = new Map<string, number>();
  const found: { client: string; text: string; order: number }[] = [];
  for (let i = 0; i < frame.n; i++) {
    if (frame.side[i] !== POPULATION) continue;
    const client = data.index.clients[frame.client[i]!]!;
    if (!cardRow.has(client)) continue;
    rows.set(client, (rows.get(client) ?? 0) + 1);
    const row = frame.datasetRow?.[i];
    const text = texts && row !== undefined ? texts[row] : null;
    if (typeof text === 'string' && text.trim() !== '') {
      found.push({ client, text, order: frame.period[i]! });
    }
  }
  const clients = [...rows]
    .map(([client, n]) => ({
      client,
      rows: n,
      card: columns.map((c) => cardValue(cardData.columns[c.name]![cardRow.get(client)!])),
    }))
    .sort((a, b) => b.rows - a.rows || (a.client < b.client ? -1 : 1));
  found.sort((a, b) => b.order - a.order || (a.client < b.client ? -1 : 1));
  return {
    unitKind: at.unitKind,
    unit: at.unit,
    columns,
    clients,
    commentColumn,
    comments: found.slice(0, commentLimit).map(({ client, text }) => ({ client, text })),
    commentCount: found.length,
  };
}
