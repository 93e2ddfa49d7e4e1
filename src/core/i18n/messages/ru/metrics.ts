import type { Translation } from '../../message-types.ts';
import type { metricsEn } from '../metrics.ts';

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
  'cli.npsBadScale':
    '--scale принимает 0-10 (считать NPS, как бы ни выглядели оценки) или detect, а не «{value}»',
  'nps.shortScale': {
    one: 'В столбце «{column}» {count} оценка, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
    few: 'В столбце «{column}» {count} оценки, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
    many: 'В столбце «{column}» {count} оценок, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
    other:
      'В столбце «{column}» {count} оценки, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
  },
  'nps.shortScaleInput': {
    one: '{count} оценка, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
    few: '{count} оценки, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
    many: '{count} оценок, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
    other:
      '{count} оценки, и все они от {min} до {max}: похоже на шкалу 1–{top}, а для NPS нужны оценки 0–10.',
  },
  'cli.npsShortScaleHint':
    'Используйте CSAT (долю оценок {topTwo}) или переведите оценки в шкалу 0–10; чтобы всё же посчитать NPS, укажите --scale 0-10.',
  'nps.shortScaleHint':
    'Используйте CSAT (долю оценок {topTwo}), например в ячейке «Метрика по группам», или переведите оценки в шкалу 0–10; чтобы всё же посчитать NPS, выберите выше «Шкала: 0–10».',
  'metric.shortScaleHint':
    'Выберите метрику CSAT (доля оценок {topTwo}) или переведите оценки в шкалу 0–10.',
  'nps.scale': 'Шкала',
  'nps.scale.detect': 'определить',
  'nps.scale.0-10': '0–10',
};
