import type { Message, Translation } from '../message-types.ts';

/** Messages of the standard metrics and of `cx-trace nps --score/--by`, merged into `../messages.ts`. */
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
} satisfies Record<string, Message>;

export const metricsRu: Translation<typeof metricsEn> = {
  'cli.npsSummary':
    'NPS с 95% доверительным интервалом по оценкам 0–10 из FILE или стандартного ввода; с --score COL — по столбцу таблицы, с --by COL — по группам',
  'cli.npsNeedFile': 'укажите таблицу: cx-trace nps FILE --score COL [--by COL]',
  'cli.npsNeedScore': '--by работает только с --score: cx-trace nps FILE --score COL --by COL',
  'cli.npsUnknownColumn': 'в {file} нет столбца «{column}»; есть столбцы: {columns}',
  'cli.npsBy': 'По столбцу «{column}»:',
  'cli.npsGroupLine': '{key}: NPS {nps} (95% ДИ от {low} до {high}), {responses}',
  'cli.npsGroupEmpty': '{key}: нет оценок от 0 до 10',
  'cli.npsUnreliable': 'ненадёжно: меньше {min} ответов',
  'cli.npsBlankGroup': {
    one: '{count} строка с пустой группой не вошла ни в одну группу',
    few: '{count} строки с пустой группой не вошли ни в одну группу',
    many: '{count} строк с пустой группой не вошли ни в одну группу',
    other: '{count} строки с пустой группой не вошли ни в одну группу',
  },
};
