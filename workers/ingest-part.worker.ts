/// <reference lib="webworker" />
import { reportWorkerRequests } from '../src/data/request-log.ts';
import { lockDownNetwork, probeNetwork } from './network-lockdown.ts';
import { expose } from 'comlink';
import { getDb } from '../src/data/db.ts';
import { FilePart, type PartRequest } from '../src/data/file-part.ts';
import type { ColumnFormat } from '../src/core/ingest/types.ts';
import type { ColumnInfo } from '../src/core/storage/dataset-meta.ts';

// The later part of a large file, read by this worker while the ingest worker (which started it)
// reads the first part: see `readFileSource` in src/data/file-source.ts.

const part = new FilePart();

const api = {
  /** Which network APIs this worker refuses (all of them; see `network-lockdown.ts`). */
  networkProbe: () => probeNetwork(),
  /** Answers once this worker is running. */
  ping: () => true,
  parse: (request: PartRequest) => part.parse(request),
  read: (names: string[], formats: ColumnFormat[]) => part.read(names, formats),
  store: (
    owner: string,
    columns: ColumnInfo[],
    firstIndex: number,
    onRows: (rows: number) => void,
  ) => part.store(getDb(), owner, columns, firstIndex, onRows),
};

/** The part reader's API, as the ingest worker sees it. */
export type PartApi = typeof api;

expose(api);

reportWorkerRequests('ingest-part');
// Last, once every module of this worker is loaded: from here on nothing in it can send.
lockDownNetwork();
