/**
 * The Vega-Lite spec of a chart cell, drawn from the rows `chartData` prepared: the rows go
 * inline, each mark encodes the fields they carry, and one selection named `pick` lets the
 * analyst pick marks (a brush along a continuous x for lines, points and areas; a click
 * elsewhere) — `selectionConditions` turns a pick into conditions on the dataset.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartData, ChartDimension, ChartFieldType } from './chart-types.ts';
import type { ChartAggregate, ChartSettings, DateGrain } from './chart-settings.ts';
import { ROWS } from './progressive.ts';

/** Words of the chart, in the user's language (the measured axis names its aggregate). */
export interface ChartSpecLabels {
  x: string;
  /** The measured axis (`Mean of delay_days`); a heatmap's row dimension. */
  y: string;
  /** A heatmap's measured colour. */
  value?: string;
  color?: string;
  facet?: string;
  /** The rows behind a mark (`n`), e.g. `Number of rows`. */
  count: string;
  title?: string;
  /** A boxplot's five numbers in tooltips. */
  box?: { lower: string; q1: string; median: string; q3: string; upper: string };
}

type Def = Record<string, unknown>;

/** The name of the chart's selection. */
export const PICK = 'pick';

const TIME_UNITS: Record<DateGrain, string> = {
  day: 'utcyearmonthdate',
  month: 'utcyearmonth',
  quarter: 'utcyearquarter',
  year: 'utcyear',
};

/** The d3 format of an aggregate's values. */
function measureFormat(aggregate: ChartAggregate): string {
  if (aggregate === 'count') return ',d';
  if (aggregate === 'nps') return '+.1f';
  return ',.2~f';
}

/** An axis field (`x`, or a heatmap's `y`): dates by their period in UTC, text in data order. */
function axisDef(
  field: 'x' | 'y',
  type: ChartFieldType,
  dim: ChartDimension | undefined,
  title: string,
): Def {
  const def: Def = { field, type, title };
  if (dim?.kind === 'period') def.timeUnit = TIME_UNITS[dim.grain];
  else if (type === 'temporal') def.scale = { type: 'utc' };
  if (type === 'nominal' || type === 'ordinal') {
    def.sort = null;
    def.axis = { labelLimit: 140 };
  }
  return def;
}

/** Tooltip lines: the mark's dimensions, its measure and the rows behind it. */
function tooltip(data: ChartData, settings: ChartSettings, labels: ChartSpecLabels): Def[] {
  const { dimensions: dims } = data;
  const tips: Def[] = [];
  if (dims.x) {
    const x = axisDef('x', data.xType, dims.x, labels.x);
    delete x.sort;
    delete x.axis;
    delete x.scale;
    tips.push(dims.x.kind === 'bin' ? { field: 'range', type: 'nominal', title: labels.x } : x);
  }
  if (settings.mark === 'heatmap' && dims.y) {
    const y = axisDef('y', data.yType, dims.y, labels.y);
    delete y.sort;
    delete y.axis;
    tips.push(dims.y.kind === 'bin' ? { field: 'yRange', type: 'nominal', title: labels.y } : y);
  }
  if (dims.color) tips.push({ field: 'color', type: 'nominal', title: labels.color ?? '' });
  if (dims.facet) tips.push({ field: 'facet', type: 'nominal', title: labels.facet ?? '' });
  const format = measureFormat(data.aggregate);
  if (settings.mark === 'boxplot') {
    for (const f of ['upper', 'q3', 'median', 'q1', 'lower'] as const) {
      tips.push({ field: f, type: 'quantitative', title: labels.box?.[f] ?? f, format: ',.2~f' });
    }
  } else if (settings.mark === 'heatmap') {
    tips.push({
      field: 'value',
      type: 'quantitative',
      title: labels.value ?? labels.count,
      format,
    });
  } else {
    tips.push({ field: 'y', type: 'quantitative', title: labels.y, format });
  }
  if (data.aggregate !== 'none' || settings.mark === 'boxplot') {
    tips.push({ field: 'n', type: 'quantitative', title: labels.count, format: ',d' });
  }
  return tips;
}

/** The `pick` selection: a brush along a continuous x for lines, points and areas, else clicks. */
function pickParam(data: ChartData, settings: ChartSettings): Def {
  const continuous = data.xType === 'quantitative' || data.xType === 'temporal';
  const brushable = ['line', 'point', 'area'].includes(settings.mark);
  if (continuous && brushable && data.dimensions.x) {
    return { name: PICK, select: { type: 'interval', encodings: ['x'] } };
  }
  const roles = settings.mark === 'heatmap' ? ['x', 'y', 'facet'] : ['x', 'color', 'facet'];
  const fields = roles.filter((r) => data.dimensions[r as keyof ChartData['dimensions']]);
  return {
    name: PICK,
    select: fields.length > 0 ? { type: 'point', fields } : { type: 'point' },
  };
}

/** Picked marks stay solid, the others fade (no pick: all solid). */
const pickOpacity = { condition: { param: PICK, empty: true, value: 1 }, value: 0.35 };

/** Ranges of binned axes as text (`10–20`) for tooltips, by Vega's number format. */
function rangeTransforms(data: ChartData): Def[] {
  const out: Def[] = [];
  if (data.dimensions.x?.kind === 'bin') {
    out.push({ calculate: "format(datum.x, ',') + '–' + format(datum.x2, ',')", as: 'range' });
  }
  if (data.dimensions.y?.kind === 'bin') {
    out.push({ calculate: "format(datum.y, ',') + '–' + format(datum.y2, ',')", as: 'yRange' });
  }
  return out;
}

/** A bar, line, point or area chart of the measure by x (and colour). */
function measureView(data: ChartData, settings: ChartSettings, labels: ChartSpecLabels): Def {
  const { mark } = settings;
  const dims = data.dimensions;
  const additive = data.aggregate === 'count' || data.aggregate === 'sum';
  const band = data.xType === 'nominal' || data.xType === 'ordinal';
  const encoding: Def = {
    y: { field: 'y', type: 'quantitative', title: labels.y },
    tooltip: tooltip(data, settings, labels),
  };
  if (dims.x) {
    const x = axisDef('x', data.xType, dims.x, labels.x);
    if (dims.x.kind === 'bin' && mark === 'bar') {
      x.bin = 'binned';
      encoding.x2 = { field: 'x2' };
    }
    encoding.x = x;
  }
  if (dims.color) {
    encoding.color = { field: 'color', type: 'nominal', title: labels.color ?? '' };
    if (mark === 'bar' && !additive && band) encoding.xOffset = { field: 'color', sort: null };
    if ((mark === 'bar' || mark === 'area') && !additive) {
      (encoding.y as Def).stack = null;
    }
  }
  const pick = pickParam(data, settings);
  if ((pick.select as Def).type === 'point') encoding.opacity = pickOpacity;
  const markDef: Def = { type: mark, cursor: 'pointer' };
  if (mark === 'line') markDef.point = data.marks <= 300;
  if (mark === 'point')
    Object.assign(markDef, { filled: true, opacity: data.aggregate === 'none' ? 0.5 : 0.85 });
  if (mark === 'area' && dims.color && !additive) markDef.opacity = 0.5;
  return {
    ...(rangeTransforms(data).length > 0 ? { transform: rangeTransforms(data) } : {}),
    params: [pick],
    mark: markDef,
    encoding,
  };
}

/** A boxplot from the precomputed five numbers: whiskers (rule), box (bar), median (tick). */
function boxplotView(data: ChartData, settings: ChartSettings, labels: ChartSpecLabels): Def {
  const dims = data.dimensions;
  const x = dims.x ? axisDef('x', data.xType, dims.x, labels.x) : null;
  const y = (field: string): Def => ({ field, type: 'quantitative', title: labels.y });
  const at = (def: Def | null) => (def ? { x: def } : {});
  return {
    ...(rangeTransforms(data).length > 0 ? { transform: rangeTransforms(data) } : {}),
    layer: [
      {
        mark: { type: 'rule', color: '#4b5563' },
        encoding: { ...at(x), y: y('lower'), y2: { field: 'upper' } },
      },
      {
        params: [pickParam(data, settings)],
        mark: { type: 'bar', cursor: 'pointer', color: '#4c78a8', width: { band: 0.6 } },
        encoding: {
          ...at(x),
          y: y('q1'),
          y2: { field: 'q3' },
          opacity: pickOpacity,
          tooltip: tooltip(data, settings, labels),
        },
      },
      {
        mark: {
          type: 'tick',
          orient: 'horizontal',
          color: 'white',
          thickness: 2,
          width: { band: 0.6 },
        },
        encoding: { ...at(x), y: y('median') },
      },
    ],
  };
}

/** A heatmap: a rect per x and row, coloured by the aggregated value. */
function heatmapView(data: ChartData, settings: ChartSettings, labels: ChartSpecLabels): Def {
  const dims = data.dimensions;
  const scale = data.aggregate === 'nps' ? { scheme: 'redyellowgreen', domainMid: 0 } : {};
  return {
    ...(rangeTransforms(data).length > 0 ? { transform: rangeTransforms(data) } : {}),
    params: [pickParam(data, settings)],
    mark: { type: 'rect', cursor: 'pointer' },
    encoding: {
      x: axisDef('x', data.xType, dims.x, labels.x),
      y: axisDef('y', data.yType, dims.y, labels.y),
      color: {
        field: 'value',
        type: 'quantitative',
        title: labels.value ?? labels.count,
        scale,
        legend: { format: measureFormat(data.aggregate) },
      },
      opacity: pickOpacity,
      tooltip: tooltip(data, settings, labels),
    },
  };
}

/**
 * Whether a chart can be drawn part by part: raw points (a sample of up to 5,000), whose scales
 * `chartSpec` fixes from all the rows, so that each part draws only its own marks.
 */
export function isProgressive(data: ChartData, settings: ChartSettings): boolean {
  return data.aggregate === 'none' && settings.mark === 'point' && !data.dimensions.facet;
}

/** Each position scale's domain and the colours' categories fixed from all `rows`. */
function fixDomains(encoding: Def, rows: readonly ChartData['rows'][number][]): void {
  for (const channel of ['x', 'y'] as const) {
    const def = encoding[channel] as Def | undefined;
    if (!def || (def.type !== 'quantitative' && def.type !== 'temporal')) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of rows) {
      const v = row[channel];
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
      if (!Number.isFinite(n)) continue;
      if (n < lo) lo = n;
      if (n > hi) hi = n;
    }
    if (lo <= hi) def.scale = { ...((def.scale as Def | undefined) ?? {}), domain: [lo, hi] };
  }
  const color = encoding.color as Def | undefined;
  if (color?.type === 'nominal') {
    const seen = [...new Set(rows.map((r) => r.color ?? null))].filter((v) => v !== null);
    color.scale = { domain: seen };
  }
}

/**
 * The Vega-Lite (v6) spec of a chart cell: `data.rows` inline, the mark `settings` ask for —
 * a boxplot drawn from its precomputed five numbers, a heatmap as coloured rects — with axis,
 * legend and tooltip titles from `labels`, and the selection `pick`. Faceted charts are small
 * multiples of a fixed width, three to a row; others fill their container's width. It loads
 * nothing and links nowhere.
 */
export function chartSpec(
  data: ChartData,
  settings: ChartSettings,
  labels: ChartSpecLabels,
): TopLevelSpec {
  const view =
    settings.mark === 'boxplot'
      ? boxplotView(data, settings, labels)
      : settings.mark === 'heatmap'
        ? heatmapView(data, settings, labels)
        : measureView(data, settings, labels);
  const title = labels.title ?? (settings.title.trim() !== '' ? settings.title : undefined);
  const progressive = isProgressive(data, settings);
  if (progressive) fixDomains(view.encoding as Def, data.rows);
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(title !== undefined ? { title } : {}),
    data: progressive ? { name: ROWS, values: data.rows } : { values: data.rows },
  };
  if (data.dimensions.facet) {
    return {
      ...base,
      facet: { field: 'facet', type: 'nominal', title: labels.facet ?? '' },
      columns: 3,
      spec: { width: 220, height: 160, ...view },
    } as TopLevelSpec;
  }
  return { ...base, width: 'container', height: 280, ...view } as TopLevelSpec;
}
