import type { Message } from '../message-types.ts';

/**
 * Messages of the standard metrics, of `cx-trace nps --score/--by/--scale` and of the NPS cell's
 * scale check, merged into `../messages.ts`.
 */
export const metricsEn = {
  'cli.npsSummary':
    'NPS with 95% CI of 0–10 scores in FILE or on standard input; with --score COL of a table column, --by COL per group',
  'cli.npsNeedFile': 'name the table to read: cx-trace nps FILE --score COL [--by COL]',
  'cli.npsNeedScore': '--by needs --score: cx-trace nps FILE --score COL --by COL',
  'cli.npsUnknownColumn': 'no column “{column}” in {file}; its columns: {columns}',
  'cli.npsBy': 'By {column}:',
  'cli.npsGroupLine': '{key}: NPS {nps} (95% CI {low} to {high}), {responses}',
  'cli.npsGroupEmpty': '{key}: no scores from 0 to 10',
  'cli.npsUnreliable': 'unreliable: fewer than {min} responses',
  'cli.npsBlankGroup': {
    one: '{count} row with a blank group is in no group',
    other: '{count} rows with a blank group are in no group',
  },
  'cli.npsBadScale':
    '--scale takes 0-10 (compute NPS whatever the scores look like) or detect, not “{value}”',
  'nps.shortScale': {
    one: 'The {count} score in “{column}” is between {min} and {max}: this looks like a 1–{top} scale, and NPS needs 0–10 ratings.',
    other:
      'All {count} scores in “{column}” are between {min} and {max}: this looks like a 1–{top} scale, and NPS needs 0–10 ratings.',
  },
  'nps.shortScaleInput': {
    one: 'The {count} score is between {min} and {max}: this looks like a 1–{top} scale, and NPS needs 0–10 ratings.',
    other:
      'All {count} scores are between {min} and {max}: this looks like a 1–{top} scale, and NPS needs 0–10 ratings.',
  },
  'cli.npsShortScaleHint':
    'Use CSAT (the share of {topTwo}) or rescale to 0–10; to compute NPS anyway, pass --scale 0-10.',
  'nps.shortScaleHint':
    'Use CSAT (the share of {topTwo}), for example in a “Metric by group” cell, or rescale to 0–10; to compute NPS anyway, choose Scale: 0–10 above.',
  'metric.shortScaleHint':
    'Choose CSAT (the share of {topTwo}) as the metric, or rescale the scores to 0–10.',
  'nps.scale': 'Scale',
  'nps.scale.detect': 'detect',
  'nps.scale.0-10': '0–10',
} satisfies Record<string, Message>;
