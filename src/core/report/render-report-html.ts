/**
 * A report (`report-document.ts`) as one standalone HTML file: it opens offline in any browser,
 * also from `file://`, and runs no script — charts are inline SVG, tables are HTML, every text is
 * escaped, and no attribute names a URL. It prints on A4: each section on a new page, no chart or
 * table split across pages.
 */
import type { ReportBlock, ReportDocument } from './report-document.ts';
import { inlineSvg } from './inline-svg.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to stand in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  color: #1d232a; margin: 0 auto; max-width: 182mm; padding: 12mm 0; }
h1 { font-size: 22pt; margin: 0 0 6mm; }
h2 { font-size: 15pt; margin: 0 0 4mm; border-bottom: 1px solid #ccd3da; padding-bottom: 1mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
.title-page { min-height: 60mm; }
.title-page p { margin: 1mm 0; color: #4a5560; }
section { break-before: page; page-break-before: always; }
.verdict { font-weight: 600; font-size: 12pt; }
.note { color: #4a5560; font-size: 9.5pt; }
figure { margin: 4mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9.5pt; color: #4a5560; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 9.5pt;
  break-inside: avoid; page-break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
th, td { border-bottom: 1px solid #e1e6ea; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #f3f5f7; }
@media print { body { padding: 0; } }
`;

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const cls = (numeric?: boolean) => (numeric ? ' class="num"' : '');
      const head = b.columns.map(
        (c) => `<th scope="col"${cls(c.numeric)}>${escapeHtml(c.label)}</th>`,
      );
      const body = b.rows.map(
        (r) =>
          `<tr>${r.map((v, k) => `<td${cls(b.columns[k]?.numeric)}>${escapeHtml(v)}</td>`).join('')}</tr>`,
      );
      return `<table><caption>${escapeHtml(b.caption)}</caption><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
    }
    case 'chart':
      return `<figure aria-label="${escapeHtml(b.label)}">${inlineSvg(b.svg)}<figcaption>${escapeHtml(
        b.howToRead ? `${b.label}. ${b.howToRead}` : b.label,
      )}</figcaption></figure>`;
  }
}

/** The report as one HTML file (see the module comment). */
export function renderReportHtml(doc: ReportDocument): string {
  const sections = doc.sections.map(
    (s) => `<section><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`,
  );
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(doc.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="title-page"><h1>${escapeHtml(doc.title)}</h1>${doc.about
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('')}</header>`,
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
