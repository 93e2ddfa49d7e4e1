import { IngestError } from './ingest-error.ts';

/**
 * Reads a JSON array of records into column names (in order of first appearance) and rows of
 * raw text cells: strings as they are, numbers and booleans as their JSON text, null/missing
 * as '', nested objects and arrays as JSON text.
 */
export function readJsonRecords(text: string): { names: string[]; rows: string[][] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String(e))?.[1];
    const line = at === undefined ? 0 : text.slice(0, Number(at)).split('\n').length;
    throw new IngestError('json-invalid', line ? { line } : {}, { cause: e });
  }
  if (!Array.isArray(data)) throw new IngestError('json-not-records', { found: typeof data });
  const index = new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const rec: unknown = data[i];
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      throw new IngestError('json-not-records', { row: i + 1 });
    }
    for (const key of Object.keys(rec)) if (!index.has(key)) index.set(key, index.size);
  }
  const names = [...index.keys()];
  const rows = (data as Record<string, unknown>[]).map((rec) =>
    names.map((k) => {
      const v = rec[k];
      if (v === null || v === undefined) return '';
      return typeof v === 'string' ? v : JSON.stringify(v);
    }),
  );
  return { names, rows };
}
