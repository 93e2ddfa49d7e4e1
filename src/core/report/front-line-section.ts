/**
 * The front line's report section: the clients to recover (`front-line.ts`) as a table — client,
 * score, client card, what they wrote, the cause off at their unit. Pseudonymised, a client is a
 * keyed pseudonym (another in the next report), the columns that name a person (name, e-mail,
 * phone) are left out and comments lose e-mails, phones, card numbers and those names.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatNumber, translate, translateCount } from '../i18n/translate.ts';
import type { ServiceModel } from '../model/model-types.ts';
import type { FrontLineList } from './front-line.ts';
import type { ReportSection } from './report-document.ts';
import { Pseudonymiser } from '../share/pseudonyms.ts';

function cell(locale: Locale, v: string | number | boolean | null, type: string): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return translate(locale, v ? 'common.yes' : 'common.no');
  if (typeof v === 'number') {
    return type === 'date' ? new Date(v).toISOString().slice(0, 10) : formatNumber(locale, v, 2);
  }
  return v;
}

/** The list as a section (see the module comment). */
export function frontLineSection(
  locale: Locale,
  model: ServiceModel,
  list: FrontLineList,
  options: { pseudonymise?: boolean } = {},
): ReportSection {
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
    translate(locale, k, p);
  const shown = list.columns
    .map((c, k) => ({ ...c, k }))
    .filter((c) => !options.pseudonymise || !Pseudonymiser.personal(c.name));
  const name = (id: string) => model.indicators.find((i) => i.id === id)?.name[locale] || id;
  // Pseudonyms keyed for this one report; comments lose e-mails, phones, cards and the names
  // the list's personal columns hold.
  const p = options.pseudonymise ? new Pseudonymiser() : null;
  if (p) {
    const personal = list.columns.flatMap((c, k) => (Pseudonymiser.personal(c.name) ? [k] : []));
    p.addNames(
      list.clients.flatMap((c) =>
        personal.map((k) => c.card[k]).filter((v) => typeof v === 'string'),
      ),
    );
  }
  return {
    title: t('report.front.title'),
    blocks: [
      {
        kind: 'paragraph',
        tone: 'verdict',
        text: t('report.front.lead', {
          clients: translateCount(locale, 'report.front.clients', list.clients.length),
          period: list.period,
          order: list.valueColumn
            ? t('report.front.byValue', { column: list.valueColumn })
            : t('report.front.byScore'),
        }),
      },
      {
        kind: 'table',
        caption: t('report.front.table', { period: list.period }),
        columns: [
          { label: t('report.front.client') },
          { label: t('report.front.score'), numeric: true },
          ...shown.map((c) => ({ label: c.name, numeric: c.type === 'number' })),
          { label: t('report.front.comment') },
          { label: t('report.front.cause') },
        ],
        rows: list.clients.map((c) => [
          p ? p.client(c.client) : c.client,
          formatNumber(locale, c.score),
          ...shown.map((col) => cell(locale, c.card[col.k] ?? null, col.type)),
          c.comment === null ? '' : p ? p.scrub(c.comment) : c.comment,
          c.causes.map((x) => `${name(x.indicator)} (${x.unit})`).join('; '),
        ]),
      },
      ...(options.pseudonymise
        ? [
            {
              kind: 'paragraph' as const,
              tone: 'note' as const,
              text: t('report.front.pseudonymised'),
            },
          ]
        : []),
    ],
  };
}
