/**
 * The spec an expert starts from when switching a chart to "Edit as Vega-Lite JSON": the
 * form's chart as plain Vega-Lite over the dataset's own columns, the dataset named by its name
 * (Vega-Lite itself then groups and aggregates its rows).
 */
import type { ChartSettings } from './chart-settings.ts';

type Def = Record<string, unknown>;

const MARK: Record<ChartSettings['mark'], string> = {
  bar: 'bar',
  line: 'line',
  point: 'point',
  area: 'area',
  boxplot: 'boxplot',
  heatmap: 'rect',
};

const TIME_UNIT: Record<ChartSettings['dateGrain'], string> = {
  day: 'utcyearmonthdate',
  month: 'utcyearmonth',
  quarter: 'utcyearquarter',
  year: 'utcyear',
};

/** A field's Vega-Lite type from the column's kind. */
const fieldType = (type: string | undefined) =>
  type === 'number' ? 'quantitative' : type === 'date' ? 'temporal' : 'nominal';

/** The form's chart as a Vega-Lite spec over `dataset`'s rows (`types`: each column's kind). */
export function starterSpec(
  settings: ChartSettings,
  dataset: string,
  types: Readonly<Record<string, string>>,
): Def {
  const s = settings;
  const encoding: Def = {};
  if (s.x) {
    encoding.x = {
      field: s.x,
      type: fieldType(types[s.x]),
      ...(types[s.x] === 'date' ? { timeUnit: TIME_UNIT[s.dateGrain] } : {}),
    };
  }
  const op = s.aggregate === 'none' || s.aggregate === 'nps' ? 'mean' : s.aggregate;
  if (s.mark === 'heatmap') {
    if (s.y) encoding.y = { field: s.y, type: 'nominal' };
    encoding.color = s.value
      ? { aggregate: op === 'count' ? 'mean' : op, field: s.value, type: 'quantitative' }
      : { aggregate: 'count', type: 'quantitative' };
  } else if (s.mark === 'boxplot' || s.aggregate === 'none') {
    if (s.y) encoding.y = { field: s.y, type: 'quantitative' };
  } else {
    encoding.y =
      op === 'count' || !s.y
        ? { aggregate: 'count', type: 'quantitative' }
        : { aggregate: op, field: s.y, type: 'quantitative' };
  }
  if (s.color && s.mark !== 'heatmap' && s.mark !== 'boxplot') {
    encoding.color = { field: s.color, type: fieldType(types[s.color]) };
  }
  if (s.facet) encoding.facet = { field: s.facet, type: 'nominal', columns: 3 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(s.title.trim() !== '' ? { title: s.title } : {}),
    data: { name: dataset },
    mark: MARK[s.mark],
    encoding,
  };
}
