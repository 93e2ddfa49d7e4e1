import type { Message } from '../message-types.ts';

/** Messages of the chart cell, merged into `../messages.ts`. */
export const chartCellEn = {
  'chart.dataset': 'Dataset',
  'chart.mark': 'Chart type',
  'chart.mark.bar': 'Bars',
  'chart.mark.line': 'Line',
  'chart.mark.point': 'Points',
  'chart.mark.area': 'Area',
  'chart.mark.boxplot': 'Box plot',
  'chart.mark.heatmap': 'Heatmap',
  'chart.x': 'X axis',
  'chart.y': 'Measured column',
  'chart.heatmapRows': 'Rows',
  'chart.value': 'Colour shows',
  'chart.color': 'Colour by',
  'chart.facet': 'One panel per',
  'chart.noColumn': 'none',
  'chart.aggregate': 'Summarise as',
  'chart.aggregate.count': 'Number of rows',
  'chart.aggregate.sum': 'Sum',
  'chart.aggregate.mean': 'Mean',
  'chart.aggregate.median': 'Median',
  'chart.aggregate.min': 'Minimum',
  'chart.aggregate.max': 'Maximum',
  'chart.aggregate.nps': 'NPS',
  'chart.aggregate.none': 'Each row (no summary)',
  'chart.measureTitle': '{op} of {column}',
  'chart.dateGrain': 'Group dates by',
  'chart.dateGrain.day': 'day',
  'chart.dateGrain.month': 'month',
  'chart.dateGrain.quarter': 'quarter',
  'chart.dateGrain.year': 'year',
  'chart.sort': 'Order',
  'chart.sort.none': 'as in the data',
  'chart.sort.x': 'by x',
  'chart.sort.y-asc': 'smallest first',
  'chart.sort.y-desc': 'largest first',
  'chart.title': 'Chart title',
  'chart.other': 'other',
  'chart.box.lower': 'Lower whisker',
  'chart.box.q1': 'First quartile',
  'chart.box.median': 'Median',
  'chart.box.q3': 'Third quartile',
  'chart.box.upper': 'Upper whisker',
  'chart.marks': { one: '{count} mark', other: '{count} marks' },
  'chart.note.aggregated': {
    one: '{count} row drawn as {marks}.',
    other: '{count} rows drawn as {marks}.',
  },
  'chart.note.sampled': {
    one: 'Too many points to draw: a random sample of {sample} of the {count} row is shown (the same sample each time).',
    other:
      'Too many points to draw: a random sample of {sample} of the {count} rows is shown (the same sample each time).',
  },
  'chart.note.binned': {
    one: '“{column}” has too many distinct values to draw one by one: it is drawn in {count} range.',
    other:
      '“{column}” has too many distinct values to draw one by one: it is drawn in {count} ranges.',
  },
  'chart.note.other': {
    one: '{count} less frequent category is merged into “{other}”.',
    other: '{count} less frequent categories are merged into “{other}”.',
  },
  'chart.note.blank': {
    one: '{count} row with a blank value is left out.',
    other: '{count} rows with a blank value are left out.',
  },
  'chart.note.grain':
    'Dates are grouped by {grain}: grouped by {asked}, there would be too many marks to draw.',
  'chart.note.marksCut': {
    one: '{count} mark with the fewest rows is not drawn: there are too many.',
    other: '{count} marks with the fewest rows are not drawn: there are too many.',
  },
  'chart.missing.x': 'Choose the column for the x axis.',
  'chart.missing.y': 'Choose a number column to measure.',
  'chart.missing.value': 'Choose a number column for the colour, or count rows.',
  'chart.missing.color': 'The colour column is no longer in the dataset.',
  'chart.missing.facet': 'The panel column is no longer in the dataset.',
  'chart.problem.not-object': 'A chart spec must be a JSON object ({…}).',
  'chart.problem.data-url':
    'The chart may not load data from an address ({path}): charts draw only datasets stored in this browser.',
  'chart.problem.image-mark':
    'The chart may not draw images ({path}): an image is loaded from an address.',
  'chart.problem.href':
    'The chart may not link to or load an address ({path}): charts reach nothing outside this browser.',
  'chart.problem.loader': 'The chart may not set its own loader ({path}).',
  'chart.problem.usermeta': 'The chart may not carry “usermeta” ({path}).',
  'chart.problem.unknown-dataset':
    'There is no dataset “{detail}” in this workspace ({path}). Name a dataset by its name as imported.',
  'chart.problem.too-many-rows':
    'The chart would draw {detail} rows ({path}); a chart may draw at most {max}. Group or filter the rows first (a transform cell).',
  'chart.problem.invalid': 'Vega-Lite cannot draw this spec: {detail}',
  'chart.label': 'Chart of “{name}”',
  'chart.run': 'Draw',
  'chart.editJson': 'Edit as Vega-Lite JSON',
  'chart.backToForm': 'Back to the form',
  'chart.json': 'Vega-Lite spec (JSON)',
  'chart.jsonHint':
    'Name a dataset of this workspace as "data": {"name": "…"}; it may have at most 5,000 rows. Addresses, images, links, loaders and usermeta are refused.',
  'chart.applyJson': 'Check and draw',
  'chart.jsonRows': {
    one: 'Drawn from {count} row stored in this browser.',
    other: 'Drawn from {count} rows stored in this browser.',
  },
  'chart.warning': 'Vega-Lite: {warning}',
  'chart.selected': 'Selected: {what}',
  'chart.selectHint':
    'Click a mark (or drag along the x axis of a line, point or area chart) to select rows; a selection can be pinned as a named population.',
  'chart.cannotPin':
    'This selection cannot be pinned: it is the merged “other” category, or it holds no mark.',
  'chart.pinName': 'Population name',
  'chart.pin': 'Pin as population',
  'chart.clearSelection': 'Clear selection',
  'chart.pinnedTitle': 'Pinned populations',
  'chart.pinnedRows': {
    one: '{name}: {count} row',
    other: '{name}: {count} rows',
  },
  'chart.pinnedClients': {
    one: ', {count} client',
    other: ', {count} clients',
  },
  'chart.toMetric': 'Metric of these rows',
  'chart.toTrace': 'Trace these clients',
  'chart.unpin': 'Remove population {name}',
  'chart.pinFailed': 'The population could not be pinned: its dataset or a column is gone.',
  'chart.howToRead':
    'The rows are summarised in the browser’s background worker before they are drawn, so a chart never draws more than 5,000 marks; the notes above the chart say when rows were grouped, sampled or merged.',
} satisfies Record<string, Message>;
