/**
 * What the service models call a dataset's column: the indicator read from it, or the kind of
 * unit it names on the client card, so a result can show «Оценка доставки» where the file said
 * `rating_delivery`. A column no model names keeps its own name.
 */
import type { Locale } from '../i18n/locale.ts';
import type { ServiceModel } from './model-types.ts';

/** A dataset as a binding may refer to it: by id, or by the name it was imported under. */
export interface DatasetRef {
  id: string;
  name: string;
}

const refersTo = (ref: string, dataset: DatasetRef) => ref === dataset.id || ref === dataset.name;

/**
 * The name the models give `column` of `dataset` in `locale`: the first indicator (in model
 * order) whose binding reads that column, else a unit kind whose client-card column it is;
 * null when no model names it.
 */
export function modelColumnName(
  models: readonly ServiceModel[],
  dataset: DatasetRef,
  column: string,
  locale: Locale,
): string | null {
  for (const model of models) {
    for (const ind of model.indicators ?? []) {
      const b = ind.binding;
      if (b && b.column === column && refersTo(b.dataset, dataset)) {
        return ind.name[locale] || ind.id;
      }
    }
  }
  for (const model of models) {
    if (!model.clientCard || !refersTo(model.clientCard.dataset, dataset)) continue;
    const kind = model.unitKinds?.find((k) => k.column === column);
    if (kind) return kind.name[locale] || kind.id;
  }
  return null;
}

/** `column` as a result shows it: the models' name for it, else the column's own. */
export function columnLabel(
  models: readonly ServiceModel[],
  dataset: DatasetRef,
  column: string,
  locale: Locale,
): string {
  return modelColumnName(models, dataset, column, locale) ?? column;
}
