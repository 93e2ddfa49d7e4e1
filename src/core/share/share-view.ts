/**
 * A share shown read-only, before (or instead of) adding it to the workspace: each cell in order
 * as a section — a text cell's text, an analysis cell's result as the reports show it (verdicts,
 * tables, charts) — from the shared results alone. Nothing is computed from rows.
 */
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import { findCellKind } from '../notebook/cell-kinds.ts';
import type { ReportDocument, ReportSection, ReportBlock } from '../report/report-document.ts';
import { indexReportSection, npsReportSection } from '../report/summary-sections.ts';
import { traceReportSection } from '../report/trace-section.ts';
import { driversReportSection, frequencyReportSection } from '../report/analysis-sections.ts';
import { frontLineSection } from '../report/front-line-section.ts';
import type {
  FrontLineCellResult,
  IndexViewOutput,
  NpsCellResult,
  TraceCellResult,
} from '../worker-api/analysis-api.ts';
import type { DriversCellResult } from '../worker-api/drivers-api.ts';
import type { FrequencyCellResult } from '../worker-api/text-api.ts';
import type { SharePayload, SharedResult } from './share-payload.ts';

/** A text cell's source as blocks: `#` lines as headings, the rest as paragraphs (as text). */
function textBlocks(source: string): ReportBlock[] {
  return source
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')

    .map((p): ReportBlock => {
      const heading = /^#{1,6}\s+(.*)$/.exec(p);
      return heading && !p.includes('\n')
        ? { kind: 'heading', text: heading[1]! }
        : { kind: 'paragraph', text: p.replace(/[*_\u0060]/g, '') };
    });
}

async function resultSection(
  locale: Locale,
  payload: SharePayload,
  r: SharedResult,
): Promise<ReportSection | null> {
  const model = payload.models.find((m) => m.id === r.request.reads.models[0]) ?? null;
  switch (r.request.method) {
    case 'npsCell':
      return npsReportSection(locale, r.value as NpsCellResult);
    case 'indexCell': {
      const v = r.value as IndexViewOutput;
      return v.ok ? indexReportSection(locale, v.view) : null;
    }
    case 'traceCell': {
      const v = r.value as TraceCellResult;
      return v.ok && model ? traceReportSection(locale, model, v.result) : null;
    }
    case 'driversCell':
      return driversReportSection(locale, r.value as DriversCellResult);
    case 'frequencyCell':
      return frequencyReportSection(locale, r.value as FrequencyCellResult);
    case 'frontLineCell': {
      const v = r.value as FrontLineCellResult;
      return v.ok && v.list && model ? frontLineSection(locale, model, v.list) : null;
    }
    default:
      return null;
  }
}

/** The read-only view of a share (see the module comment). */
export async function shareViewDocument(
  locale: Locale,
  payload: SharePayload,
): Promise<ReportDocument> {
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
    translate(locale, k, p);
  const shown = new Map<string, SharedResult>();
  for (const r of payload.results) for (const id of r.cellIds) shown.set(id, r);
  const sections: ReportSection[] = [];
  for (const cell of payload.notebook.cells) {
    const spec = findCellKind(cell.kind);
    const label = spec ? t(spec.labelKey) : cell.kind;
    if (cell.kind === 'markdown') {
      const blocks = textBlocks(String((cell.data as { source?: unknown }).source ?? ''));
      if (blocks.length > 0) sections.push({ title: '', blocks });
      continue;
    }
    const r = shown.get(cell.id);
    const section = r ? await resultSection(locale, payload, r) : null;
    sections.push(
      section
        ? { ...section, title: label }
        : {
            title: label,
            blocks: [
              {
                kind: 'paragraph',
                tone: 'note',
                text: t(r ? 'share.view.later' : 'share.view.none'),
              },
            ],
          },
    );
  }
  return { locale, title: payload.notebook.title, about: [], sections };
}
