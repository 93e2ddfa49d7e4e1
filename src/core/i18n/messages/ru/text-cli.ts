import type { Translation } from '../../message-types.ts';
import type { textCliEn } from '../text-cli.ts';

export const textCliRu: Translation<typeof textCliEn> = {
  'cli.frequency':
    'слова и фразы, которые комментарии упоминают чаще всего (столбец --text COL из FILE); с --by COL — по группам',
  'cli.clusters':
    'группы комментариев, говорящих об одном (столбец --text COL из FILE); k по силуэту или --k',
  'cli.textNeedFile': 'укажите таблицу: cx-trace {command} FILE --text COL',
  'cli.textNeedText': 'укажите столбец комментариев: cx-trace {command} {file} --text COL',
  'cli.textWholeOrAuto': 'целое число от {min} до {max} или auto',
  'cli.clustersBadLang': '--lang для clusters: ru, en или auto, а не «{value}»',
  'cli.textNoWords': 'ни в одном комментарии столбца «{column}» из {file} нет слов для подсчёта',
  'cli.textNoWordsLang':
    'в столбце «{column}» из {file} нет комментариев со словами на языке {lang}',
  'cli.freqHead': 'Чаще всего упоминают в «{column}» из {file} (со словами: {comments}):',
  'cli.freqTerm': 'термин',
  'cli.freqCount': 'комментариев',
  'cli.freqShare': 'доля',
  'cli.freqNone': 'ни один термин не встречается в двух комментариях или более',
  'cli.freqBy': 'По столбцу «{column}»:',
  'cli.freqGroup': '{key} (со словами: {comments}):',
  'cli.freqComments': {
    one: '{count} комментарий',
    few: '{count} комментария',
    many: '{count} комментариев',
    other: '{count} комментария',
  },
  'cli.freqBlankGroup': {
    one: '{count} комментарий с пустой группой не вошёл ни в одну группу',
    few: '{count} комментария с пустой группой не вошли ни в одну группу',
    many: '{count} комментариев с пустой группой не вошли ни в одну группу',
    other: '{count} комментария с пустой группой не вошли ни в одну группу',
  },
  'cli.clustersHead':
    '{clusters} из {comments} в «{column}» из {file}, силуэт {silhouette} (−1…1, чем выше, тем чётче):',
  'cli.clustersCount': {
    one: '{count} группа',
    few: '{count} группы',
    many: '{count} групп',
    other: '{count} группы',
  },
  'cli.clusterLine': '№{id}, {comments}: {terms}',
  'cli.clustersOtherLang': {
    one: '{count} комментарий не на языке {lang} не учтён',
    few: '{count} комментария не на языке {lang} не учтены',
    many: '{count} комментариев не на языке {lang} не учтены',
    other: '{count} комментария не на языке {lang} не учтены',
  },
  'cli.clustersNoWords': {
    one: '{count} строка без значимых слов не вошла ни в одну группу',
    few: '{count} строки без значимых слов не вошли ни в одну группу',
    many: '{count} строк без значимых слов не вошли ни в одну группу',
    other: '{count} строки без значимых слов не вошли ни в одну группу',
  },
};
