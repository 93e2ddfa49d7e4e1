import type { ChartData } from '../../../core/charts/chart-types.ts';
import type { ChartSettings } from '../../../core/charts/chart-settings.ts';
import { isoDay } from '../../../core/charts/chart-periods.ts';
import type { ChartSpecLabels } from '../../../core/charts/chart-spec.ts';
import { OTHER_TOKEN } from '../../../core/worker-api/chart-api.ts';
import type { Condition } from '../../../core/transform/transform-steps.ts';
import { i18n } from '../../../state/i18n.svelte.ts';

/** The chart's data with the merged category named in the user's language. */
export function localisedData(data: ChartData): ChartData {
  const other = i18n.t('chart.other');
  const rows = data.rows.map((row) => {
    let copy: typeof row | null = null;
    for (const [k, v] of Object.entries(row)) {
      if (v !== OTHER_TOKEN) continue;
      copy ??= { ...row };
      copy[k] = other;
    }
    return copy ?? row;
  });
  return { ...data, rows, otherLabel: other };
}

/** The axis titles and tooltip words of a chart, from its settings. */
export function chartLabels(settings: ChartSettings, data: ChartData): ChartSpecLabels {
  const op = data.aggregate;
  const measured = (column: string | null) =>
    op === 'count' || !column
      ? i18n.t('chart.aggregate.count')
      : op === 'none'
        ? column
        : i18n.t('chart.measureTitle', { op: i18n.t(`chart.aggregate.${op}`), column });
  return {
    x: settings.x ?? '',
    y:
      settings.mark === 'heatmap' || settings.mark === 'boxplot'
        ? (settings.y ?? '')
        : measured(settings.y),
    value: measured(settings.value),
    ...(settings.color ? { color: settings.color } : {}),
    ...(settings.facet ? { facet: settings.facet } : {}),
    count: i18n.t('chart.aggregate.count'),
    box: {
      lower: i18n.t('chart.box.lower'),
      q1: i18n.t('chart.box.q1'),
      median: i18n.t('chart.box.median'),
      q3: i18n.t('chart.box.q3'),
      upper: i18n.t('chart.box.upper'),
    },
  };
}

/** What the chart did to the rows to draw them, as sentences. */
export function chartNotes(data: ChartData, settings: ChartSettings): string[] {
  const notes: string[] = [];
  const marks = i18n.count('chart.marks', data.marks);
  if (data.reduced === 'sampled') {
    notes.push(i18n.t('chart.note.sampled', { count: data.inputRows, sample: data.marks }));
  } else if (data.aggregate !== 'none' && data.inputRows > 0) {
    notes.push(i18n.t('chart.note.aggregated', { count: data.inputRows, marks }));
  }
  const x = data.dimensions.x;
  if (x?.kind === 'bin') {
    notes.push(i18n.t('chart.note.binned', { count: x.edges.length - 1, column: x.column }));
  }
  if (x?.kind === 'period' && x.grain !== settings.dateGrain) {
    notes.push(
      i18n.t('chart.note.grain', {
        grain: i18n.t(`chart.dateGrain.${x.grain}`),
        asked: i18n.t(`chart.dateGrain.${settings.dateGrain}`),
      }),
    );
  }
  if (data.dropped.otherCategories > 0) {
    notes.push(
      i18n.t('chart.note.other', {
        count: data.dropped.otherCategories,
        other: i18n.t('chart.other'),
      }),
    );
  }
  if (data.dropped.blank > 0) notes.push(i18n.count('chart.note.blank', data.dropped.blank));
  if (data.dropped.marks > 0) notes.push(i18n.count('chart.note.marksCut', data.dropped.marks));
  return notes;
}

/** A value of a condition as the analyst reads it (a date as its day). */
function valueText(v: Condition['value'], isDate: boolean): string {
  if (v === null) return '';
  if (isDate && typeof v === 'number') return isoDay(v);
  return typeof v === 'number' ? i18n.number(v, 2) : v;
}

/** Conditions in words: `quarter equals 2026-Q1 and nps is not blank`. */
export function conditionsText(
  conditions: readonly Condition[],
  dateColumns: ReadonlySet<string>,
): string {
  return conditions
    .map((c) =>
      [c.column, i18n.t(`tf.op.${c.op}`), valueText(c.value, dateColumns.has(c.column))]
        .filter((p) => p !== '')
        .join(' '),
    )
    .join('; ');
}
