/**
 * What the analysis worker's share calls take and give: making a sealed share of a notebook,
 * opening one (nothing stored), its read-only view, and adding it to the workspace.
 */
import type { Locale } from '../i18n/locale.ts';
import type { ShareChoices } from '../share/make-share.ts';
import type { SharePayload, ShareSummary } from '../share/share-payload.ts';
import type { ShareErrorCode } from '../share/share-envelope.ts';
import type { ReportDocument } from '../report/report-document.ts';

/** A share to make of a notebook: the results its cells show (cell id → key), what goes in. */
export interface MakeShareInput {
  notebookId: string;
  shown: Record<string, string>;
  choices: ShareChoices;
  /** A passphrase to seal with; null seals with a random key for the link. */
  passphrase: string | null;
  locale: Locale;
}

/** A sealed share: its bytes, its random key (base64url) when it has one, and what it holds. */
export type MakeShareOutput =
  | { ok: true; bytes: Uint8Array; key: string | null; summary: ShareSummary }
  | { ok: false; reason: 'notebook-missing' };

/** A share's bytes to open, with the key from its link or a passphrase. */
export interface OpenShareInput {
  bytes: Uint8Array;
  key: string | null;
  passphrase: string | null;
  locale: Locale;
}

/** An opened share (nothing stored), or why it does not open. */
export type OpenShareOutput =
  | { ok: true; payload: SharePayload; summary: ShareSummary; view: ReportDocument }
  | { ok: false; code: Exclude<ShareErrorCode, 'wrong-secret'> | 'wrong-key' | 'wrong-passphrase' };
