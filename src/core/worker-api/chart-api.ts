/**
 * What a chart cell asks the analysis worker and what it answers (its contract): the rows of a
 * chart built with the form, or an expert's Vega-Lite spec checked and given its data; and the
 * size of a population pinned from a selection.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../charts/chart-types.ts';
import type { ChartSettings } from '../charts/chart-settings.ts';
import type { UserSpecProblem } from '../charts/user-spec-problem.ts';
import type { Condition } from '../transform/transform-steps.ts';

/** The label the worker gives merged rare categories; the page shows it in its language. */
export const OTHER_TOKEN = '\u0000other';

/** A chart cell's request: drawn from the form, or from the expert's JSON. */
export type ChartCellInput =
  { kind: 'form'; datasetId: string; settings: ChartSettings } | { kind: 'json'; json: string };

/** A chart cell's answer. */
export type ChartCellResult =
  | { kind: 'form'; ok: true; data: ChartData; settings: ChartSettings }
  | {
      kind: 'json';
      ok: true;
      /** The checked spec, each workspace dataset it names given as its rows (`datasets`). */
      spec: TopLevelSpec;
      rows: number;
      warnings: string[];
    }
  | { kind: 'json'; ok: false; problems: UserSpecProblem[] }
  | { ok: false; reason: 'dataset-missing' };

/** A population to size: the rows of a dataset that meet every condition. */
export interface PopulationInput {
  datasetId: string;
  conditions: Condition[];
}

/** How many rows a population holds, and its clients when the dataset has a client column. */
export type PopulationSize =
  | { ok: true; rows: number; clients: string[] | null }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' };
