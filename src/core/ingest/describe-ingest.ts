import type { Locale } from '../i18n/locale.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { formatBytes, translate } from '../i18n/translate.ts';
import type { IngestError } from './ingest-error.ts';
import type { IngestProblem } from './types.ts';

/** A refused file's reason as one sentence in the user's language. */
export function describeIngestError(
  locale: Locale,
  e: Pick<IngestError, 'code' | 'detail'>,
): string {
  const d = e.detail;
  const params: Record<string, string | number> = { ...d };
  if (e.code === 'xlsx-too-large' && d.entries !== undefined) {
    return translate(locale, 'ingest.error.xlsx-too-many-entries', params);
  }
  if (e.code === 'xlsx-too-large') {
    params.declared = formatBytes(locale, Number(d.declared));
    params.limit = formatBytes(locale, Number(d.limit));
  }
  if (e.code === 'json-invalid' && d.line === undefined) params.line = '?';
  if (e.code === 'json-not-records' && d.row === undefined) params.row = 1;
  return translate(locale, `ingest.error.${e.code}` as MessageKey, params);
}

/** A problem found in an importable file, as one sentence in the user's language. */
export function describeProblem(locale: Locale, p: IngestProblem): string {
  const params: Record<string, string | number> = { ...p.detail };
  if (p.row !== undefined) params.row = p.row;
  if (p.column !== undefined) params.column = p.column;
  if (p.code === 'ragged-row' && p.detail?.more !== undefined) {
    return translate(locale, 'ingest.problem.ragged-more', { count: Number(p.detail.more) });
  }
  if (p.code === 'invalid-values') {
    params.type = translate(locale, `type.${String(p.detail?.type)}` as MessageKey);
  }
  return translate(locale, `ingest.problem.${p.code}` as MessageKey, params);
}
