/**
 * The front line's list: the clients to recover now — the detractors of the last period that has
 * answers, one line each (their lowest score of the period), with the client card's columns,
 * what they wrote, and the cause the trace found off at their unit; the most valuable first (by
 * the client-card column bound to the model's money indicator of the TX layer, such as LTV),
 * else the lowest score first.
 */
import type { ServiceModel } from '../model/model-types.ts';
import { unitKindOf } from '../model/indicator-format.ts';
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import { findDataset, keyText } from '../index/indicator-values.ts';
import { cardColumns, cardValue, type CardColumn } from '../index/client-card.ts';
import { periodKey } from '../index/period-key.ts';
import { defaultPopulation } from '../analysis/trace/trace-start.ts';
import type { TraceAnalysis } from '../analysis/trace/trace-types.ts';

/** Client-card columns shown at most (the key and per-client importance weights left out). */
const CARD_COLUMNS = 8;

/** One client to recover. */
export interface FrontLineClient {
  client: string;
  score: number;
  /** The client card's values, in `columns` order (blank as null). */
  card: (string | number | boolean | null)[];
  comment: string | null;
  /** The value at risk (the money column), or null. */
  value: number | null;
  /** The causes off at the client's unit: indicator id, unit kind and unit. */
  causes: { indicator: string; unitKind: string; unit: string }[];
}

/** The list, with what it is made of. */
export interface FrontLineList {
  /** The last period with answers (at the model's grain). */
  period: string;
  columns: CardColumn[];
  /** The client-card column the list is sorted by, or null (sorted by score). */
  valueColumn: string | null;
  clients: FrontLineClient[];
}

/** The client-card column bound to the model's TX money indicator (LTV, revenue), if any. */
function valueColumn(model: ServiceModel, card: LoadedDataset): string | null {
  for (const ind of model.indicators) {
    const b = ind.binding;
    if (ind.layer !== 'TX' || !b || unitKindOf(ind) !== 'money') continue;
    if (findDataset(b.dataset, [card]) && b.column && card.columns[b.column]) return b.column;
  }
  return null;
}

/** The front line's list (see the module comment); null without NPS answers or a client card. */
export function frontLineList(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  trace: TraceAnalysis | null,
): FrontLineList | null {
  const population = defaultPopulation(model);
  const cardKeys = model.clientCard;
  if (population?.kind !== 'detractors' || !population.date || !cardKeys) return null;
  const survey = findDataset(population.dataset, datasets);
  const card = findDataset(cardKeys.dataset, datasets);
  const scores = survey?.columns[population.score];
  const ids = survey?.columns[population.client];
  const dates = survey?.columns[population.date];
  if (!survey || !card || !scores || !ids || !dates) return null;
  const grain = model.period.grain;
  const comments = Object.keys(survey.columns).find((c) => survey.roles?.[c] === 'comment');

  let last: string | null = null;
  for (let r = 0; r < scores.length; r++) {
    const p = typeof scores[r] === 'number' ? periodKey(dates[r], grain) : null;
    if (p !== null && (last === null || p > last)) last = p;
  }
  if (last === null) return null;

  // Each detractor's lowest score of the period, with the comment of that answer.
  const worst = new Map<string, { score: number; comment: string | null }>();
  for (let r = 0; r < scores.length; r++) {
    const s = scores[r];
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 6) continue;
    if (periodKey(dates[r], grain) !== last) continue;
    const id = keyText(ids[r]);
    if (id === null) continue;
    const text = comments ? survey.columns[comments]![r] : null;
    const comment = typeof text === 'string' && text.trim() !== '' ? text : null;
    const was = worst.get(id);
    if (!was || s < was.score)
      worst.set(id, { score: s, comment: comment ?? was?.comment ?? null });
  }

  const cardIds = card.columns[cardKeys.key] ?? [];
  const row = new Map<string, number>();
  for (let r = 0; r < cardIds.length; r++) {
    const id = keyText(cardIds[r]);
    if (id !== null && !row.has(id)) row.set(id, r);
  }
  const columns = cardColumns(card, cardKeys.key, CARD_COLUMNS);
  const money = valueColumn(model, card);
  const supported = (trace?.causes ?? []).filter((c) => c.supported && c.unitKind !== null);
  const clients = [...worst].map(([client, w]): FrontLineClient => {
    const r = row.get(client);
    const at = (column: string) => (r === undefined ? null : card.columns[column]?.[r]);
    const value = money ? cardValue(at(money)) : null;
    return {
      client,
      score: w.score,
      card: columns.map((c) => cardValue(at(c.name))),
      comment: w.comment,
      value: typeof value === 'number' ? value : null,
      causes: supported.flatMap((c) => {
        const kind = model.unitKinds.find((k) => k.id === c.unitKind);
        const unit = kind ? keyText(at(kind.column)) : null;
        return unit !== null && c.units.some((u) => u.unit === unit && u.share >= 0.1)
          ? [{ indicator: c.indicator, unitKind: c.unitKind!, unit }]
          : [];
      }),
    };
  });
  clients.sort(
    (a, b) =>
      (money ? (b.value ?? -Infinity) - (a.value ?? -Infinity) : 0) ||
      a.score - b.score ||
      (a.client < b.client ? -1 : 1),
  );
  return { period: last, columns, valueColumn: money, clients };
}
