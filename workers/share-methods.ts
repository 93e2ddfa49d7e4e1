import { getDb } from '../src/data/db.ts';
import { importSharePayload, readShareSource } from '../src/data/share-store.ts';
import { makeSharePayload } from '../src/core/share/make-share.ts';
import {
  ShareError,
  fromBase64Url,
  openShare,
  sealShare,
  toBase64Url,
} from '../src/core/share/share-envelope.ts';
import {
  decodePayload,
  encodePayload,
  summariseShare,
  type SharePayload,
} from '../src/core/share/share-payload.ts';
import { shareViewDocument } from '../src/core/share/share-view.ts';
import type {
  MakeShareInput,
  MakeShareOutput,
  OpenShareInput,
  OpenShareOutput,
} from '../src/core/worker-api/share-api.ts';

/** The analysis worker's share calls (see `share-api.ts`). */
export const shareMethods = {
  /** Packs a notebook as the analyst chose, seals it (random key or passphrase). */
  async makeShare(input: MakeShareInput): Promise<MakeShareOutput> {
    const source = await readShareSource(
      getDb(),
      input.notebookId,
      input.shown,
      input.choices.datasets,
    );
    if (!source) return { ok: false, reason: 'notebook-missing' };
    const payload = makeSharePayload(source, input.choices);
    const sealed = await sealShare(
      encodePayload(payload),
      input.passphrase !== null
        ? { kind: 'passphrase', passphrase: input.passphrase }
        : { kind: 'random' },
    );
    return {
      ok: true,
      bytes: sealed.bytes,
      key: sealed.key ? toBase64Url(sealed.key) : null,
      summary: summariseShare(payload, sealed.bytes.length, input.locale),
    };
  },

  /** Opens a share's bytes: what it holds and its read-only view. Nothing is stored. */
  async openShare(input: OpenShareInput): Promise<OpenShareOutput> {
    const key = input.key === null ? null : fromBase64Url(input.key);
    if (input.key !== null && input.passphrase === null && key === null) {
      return { ok: false, code: 'wrong-key' };
    }
    try {
      const opened = await openShare(
        input.bytes,
        input.passphrase !== null
          ? { kind: 'passphrase', passphrase: input.passphrase }
          : key
            ? { kind: 'key', key }
            : null,
      );
      const payload = decodePayload(opened);
      return {
        ok: true,
        payload,
        summary: summariseShare(payload, input.bytes.length, input.locale),
        view: await shareViewDocument(input.locale, payload),
      };
    } catch (e) {
      if (!(e instanceof ShareError)) throw e;
      const code =
        e.code === 'wrong-secret'
          ? input.passphrase !== null
            ? 'wrong-passphrase'
            : 'wrong-key'
          : e.code;
      return { ok: false, code };
    }
  },

  /** Adds an opened share to the workspace as a new notebook; its id. */
  async importShare(input: { payload: SharePayload }): Promise<{ notebookId: string }> {
    return { notebookId: await importSharePayload(getDb(), input.payload) };
  },
};
