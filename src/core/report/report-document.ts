/**
 * A report as data: a title page and sections of headings, sentences, tables, lists and charts
 * (as SVG text), in one language. `renderReportHtml` writes it as one standalone HTML file; the
 * audiences' reports (front line, CX managers, executives) are built as such documents.
 */
import type { Locale } from '../i18n/locale.ts';

/** One block of a section. Every string is text: it is escaped when written, never parsed. */
export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'verdict' | 'note' }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      caption: string;
      columns: { label: string; numeric?: boolean }[];
      rows: string[][];
    }
  | { kind: 'chart'; label: string; svg: string; howToRead?: string };

/** A section: it starts on a new page when printed. */
export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

/** A whole report. */
export interface ReportDocument {
  locale: Locale;
  title: string;
  /**
   * The title page's lines under the title, written in the report's language: who it is for,
   * the data's period, when it was made, the notebook and model it comes from.
   */
  about: string[];
  sections: ReportSection[];
}
