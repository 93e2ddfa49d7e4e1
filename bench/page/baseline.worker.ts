/// <reference lib="webworker" />
import { expose } from 'comlink';
import Papa from 'papaparse';

// The baseline of the import benchmark: a plain parse of the same bytes, no typing, no storage.
// Reading the file and decoding it are timed apart from the parse, which is the baseline.

const api = {
  async parse(file: File) {
    const t0 = performance.now();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const t1 = performance.now();
    const text = new TextDecoder('utf-8').decode(bytes);
    const t2 = performance.now();
    const result = Papa.parse<string[]>(text);
    const t3 = performance.now();
    return {
      readMs: t1 - t0,
      decodeMs: t2 - t1,
      parseMs: t3 - t2,
      records: result.data.length,
      delimiter: result.meta.delimiter,
      errors: result.errors.length,
    };
  },
};

export type BaselineApi = typeof api;
expose(api);
