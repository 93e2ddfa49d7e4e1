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
  if (e.code === 'json-not-array') params.found = jsonFound(locale, d);
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
  if (p.code === 'json-flattened') {
    params.columns = nameList(locale, p.detail?.columns, Number(p.detail?.count ?? 0));
  }
  if (p.code === 'invalid-values') {
    params.type = translate(locale, `type.${String(p.detail?.type)}` as MessageKey);
  }
  return translate(locale, `ingest.problem.${p.code}` as MessageKey, params);
}

/** What a JSON file's top level is instead of an array of records (“an object with 2 keys: …”). */
function jsonFound(locale: Locale, d: Record<string, string | number>): string {
  if (d.found === 'object') {
    const count = Number(d.count ?? 0);
    if (count === 0) return translate(locale, 'ingest.json.emptyObject');
    return translate(locale, 'ingest.json.object', {
      count,
      keys: nameList(locale, d.keys, count),
    });
  }
  const kinds = ['number', 'string', 'boolean', 'null'];
  return typeof d.found === 'string' && kinds.includes(d.found)
    ? translate(locale, `ingest.json.${d.found}` as MessageKey)
    : '?';
}

/**
 * Names given as a JSON array text (the first few of `total`), quoted for the locale and joined,
 * with how many more there are: “a”, “b” and 3 more.
 */
function nameList(locale: Locale, json: string | number | undefined, total: number): string {
  let names: unknown;
  try {
    names = JSON.parse(String(json ?? '[]'));
  } catch {
    names = [];
  }
  const shown = Array.isArray(names) ? names.map(String) : [];
  const items = shown.map((name) => translate(locale, 'ingest.quoted', { name })).join(', ');
  return total > shown.length
    ? translate(locale, 'ingest.listMore', { items, count: total - shown.length })
    : items;
}
