import { analysisBridge } from '../data/analysis-bridge.ts';
import { toBase64Url } from '../core/share/share-envelope.ts';
import type { SharePayload, ShareSummary } from '../core/share/share-payload.ts';
import type {
  MakeShareInput,
  MakeShareOutput,
  OpenShareInput,
  OpenShareOutput,
} from '../core/worker-api/share-api.ts';
import { TaskRun } from './task-run.svelte.ts';

/** The longest link offered; a larger share is saved as a file. */
export const MAX_LINK = 64 * 1024;

/** The link that opens a share: its bytes and key in the fragment, or the key and a file. */
export function shareLink(
  base: string,
  share: { bytes: Uint8Array; key: string | null },
): { link: string; inFile: boolean } {
  const key = share.key === null ? '' : `&k=${share.key}`;
  const link = `${base}#/open?d=${toBase64Url(share.bytes)}${key}`;
  if (link.length <= MAX_LINK) return { link, inFile: false };
  return { link: `${base}#/open?f=1${key}`, inFile: true };
}

/** What was last shared in this session (the privacy panel says it). */
class ShareLog {
  last = $state.raw<ShareSummary | null>(null);
}

/** The session's share log. */
export const shareLog = new ShareLog();

/** Makes a share of a notebook in the analysis worker. */
export class ShareRun extends TaskRun<MakeShareOutput> {
  async make(input: MakeShareInput): Promise<MakeShareOutput | null> {
    const out = await this.run((signal) => analysisBridge.call('makeShare', input, { signal }));
    if (out?.ok) shareLog.last = out.summary;
    return out;
  }
}

/** Opens a share's bytes in the analysis worker: nothing is stored. */
export class OpenShareRun extends TaskRun<OpenShareOutput> {
  async open(input: OpenShareInput): Promise<OpenShareOutput | null> {
    return this.run((signal) => analysisBridge.call('openShare', input, { signal }));
  }
}

/** Adds an opened share to the workspace as a new notebook. */
export class AddShareRun extends TaskRun<{ notebookId: string }> {
  async add(payload: SharePayload): Promise<{ notebookId: string } | null> {
    return this.run(
      (signal) => analysisBridge.call('importShare', { payload }, { signal }),
      undefined,
      true,
    );
  }
}
