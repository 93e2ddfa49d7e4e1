/**
 * A Vega-Lite chart drawn as SVG text without a page (in a worker or in Node), for reports: Vega
 * runs headless with its expression interpreter (no code made from strings), numbers in the
 * report's language, and a chart that fills its container gets a fixed width.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { Locale } from '../i18n/locale.ts';
import { chartNumberLocale } from '../charts/chart-locale.ts';

/** The width a report's chart is drawn at, in CSS pixels (about the A4 text width). */
export const REPORT_CHART_WIDTH = 640;

/** `spec` drawn as SVG (see the module comment). */
export async function chartSvg(spec: TopLevelSpec, locale: Locale): Promise<string> {
  const sized = (
    (spec as { width?: unknown }).width === 'container'
      ? { ...spec, width: REPORT_CHART_WIDTH }
      : spec
  ) as TopLevelSpec;
  const numbers = chartNumberLocale(locale);
  const view = new View(parse(compile(sized).spec, undefined, { ast: true }), {
    renderer: 'none',
    expr: expressionInterpreter,
    ...(numbers ? { locale: { number: numbers } } : {}),
  } as ConstructorParameters<typeof View>[1]);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
