import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View as VegaView } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { ROWS } from '../../src/core/charts/progressive.ts';

/** A headless Vega view of a Vega-Lite spec, run once (no renderer, CSP-safe interpreter). */
async function viewOf(spec: TopLevelSpec): Promise<VegaView> {
  const view = new VegaView(parse(compile(spec).spec, undefined, { ast: true }), {
    renderer: 'none',
    expr: expressionInterpreter,
  } as ConstructorParameters<typeof VegaView>[1]);
  await view.runAsync();
  return view;
}

/**
 * Draws a progressive spec as the chart view does — from its first `part` rows, the rest added
 * to `rows` part by part — and all at once; gives the named scales' domains after the first
 * part, after the last, and when drawn whole, with the rows drawn.
 */
export async function drawnInParts(
  spec: TopLevelSpec,
  scales: readonly string[],
  part = 1000,
): Promise<{ first: unknown[]; last: unknown[]; whole: unknown[]; rows: number }> {
  const s = { ...spec, width: 400 } as TopLevelSpec & { data: { name: string; values: unknown[] } };
  if (s.data.name !== ROWS) throw new Error(`The spec's inline data is not named “${ROWS}”`);
  const values = s.data.values;
  const domains = (v: VegaView) => scales.map((n) => v.scale(n).domain());
  const view = await viewOf({ ...s, data: { name: ROWS, values: values.slice(0, part) } });
  const first = domains(view);
  for (let at = part; at < values.length; at += part) {
    view.insert(ROWS, values.slice(at, at + part));
    await view.runAsync();
  }
  const last = domains(view);
  const rows = view.data(ROWS).length;
  const whole = await viewOf(s);
  const result = { first, last, whole: domains(whole), rows };
  view.finalize();
  whole.finalize();
  return result;
}
