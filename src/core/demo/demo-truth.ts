/**
 * What is true in the demo world by construction: the planted edges between the demo model's
 * indicators with the correlation each should show, the affected units, the decoys and the
 * headline effect sizes. JSON-serialisable; `cx-trace demo` writes it as `truth.json`.
 */
import type { Grain } from '../model/model-types.ts';
import { DEMO_EFFECTS, type DemoEffects } from './demo-effects.ts';

/**
 * A planted edge: `child` (a demo-model indicator id) moves `parent`. `band` is the expected
 * Pearson correlation of the two at `grain` over the default world's cells (a unit-period grain
 * means unit × month; the client grain means each client's values over its whole history),
 * wide enough for other seeds. `via` lists the indicators in between for an end-to-end path.
 */
export interface PlantedEdge {
  child: string;
  parent: string;
  grain: Grain;
  sign: 1 | -1;
  band: [number, number];
  note: string;
  via?: string[];
}

/** A value for the units (or clients) a cause hits, against all the others. */
export interface Contrast {
  affected: number;
  other: number;
}

/** Headline effect sizes measured on the generated data itself. */
export interface DemoHeadline {
  /** Share of survey responses with NPS ≤ 6, clients of low-scanner warehouses vs others. */
  detractorShareByWarehouse: Contrast;
  /** NPS (−100…100) of the responses, clients of low-scanner warehouses vs others. */
  npsByWarehouse: Contrast;
  /** Late shipments per order, clients of low-scanner warehouses vs others. */
  lateShareByWarehouse: Contrast;
  /** Defects per order, clients of low-scanner warehouses vs others. */
  defectShareByWarehouse: Contrast;
  /** Share of clients who churned, clients of low-scanner warehouses vs others. */
  churnByWarehouse: Contrast;
  /** Mean monthly response time (hours), low-CRM managers vs others. */
  responseHoursByManager: Contrast;
  /** Mean communication rating (1–5), clients of low-CRM managers vs others. */
  communicationRatingByManager: Contrast;
  /** Share of responses with NPS ≤ 6, clients of low-CRM managers vs others. */
  detractorShareByManager: Contrast;
}

/** The ground truth of one generated demo world. */
export interface DemoTruth {
  seed: number;
  /** The options the world was generated with (defaults filled in). */
  options: { seed: number; clients: number; months: number; scale: number; lang: string };
  /** First and last month, `YYYY-MM-01`. */
  period: { first: string; last: string };
  /** Client count after `scale`. */
  clients: number;
  edges: PlantedEdge[];
  /** Units a planted cause sits at. */
  affected: { warehouses: string[]; managers: string[] };
  /** Indicator ids that vary and are linked like causes in the model but have no effect. */
  decoys: string[];
  /** Why each decoy is one. */
  decoyNotes: Record<string, string>;
  /**
   * The band the correlation of a decoy with each of its model parents falls in at the
   * warehouse × month grain: sampling noise only (the decoys have equal means at every unit).
   */
  decoyBand: [number, number];
  /** The effect-size constants the generator used. */
  effects: DemoEffects;
  headline: DemoHeadline;
}

const WAREHOUSE: Grain = { kind: 'unit-period', unitKind: 'warehouse' };
const MANAGER: Grain = { kind: 'unit-period', unitKind: 'manager' };
const CLIENT: Grain = { kind: 'client' };

/**
 * The planted edges with their expected correlation bands (calibrated on the default seed and
 * seeds 100–129 at the default size, then widened).
 */
export const PLANTED_EDGES: readonly PlantedEdge[] = [
  {
    child: 'it.scanner_coverage',
    parent: 'ex.competency',
    grain: WAREHOUSE,
    sign: 1,
    band: [0.6, 0.95],
    note: 'WMS scanners make pickers competent: competency rises with scanner coverage.',
  },
  {
    child: 'ex.competency',
    parent: 'ox.picking_error_rate',
    grain: WAREHOUSE,
    sign: -1,
    band: [-0.98, -0.7],
    note: 'Less competent warehouse staff make more picking errors.',
  },
  {
    child: 'ex.competency',
    parent: 'ox.on_time_share',
    grain: WAREHOUSE,
    sign: 1,
    band: [0.6, 0.95],
    note: 'Less competent warehouse staff ship late more often.',
  },
  {
    child: 'ex.turnover',
    parent: 'ox.on_time_share',
    grain: WAREHOUSE,
    sign: -1,
    band: [-0.55, 0],
    note: 'A weak real effect: months with high staff turnover ship late a little more often.',
  },
  {
    child: 'it.scanner_coverage',
    parent: 'ox.picking_error_rate',
    grain: WAREHOUSE,
    sign: -1,
    band: [-0.92, -0.5],
    note: 'End to end: low scanner coverage → more picking errors.',
    via: ['ex.competency'],
  },
  {
    child: 'it.crm_usage',
    parent: 'ox.response_time',
    grain: MANAGER,
    sign: -1,
    band: [-0.95, -0.7],
    note: 'Managers who do not use the CRM answer clients slowly.',
  },
  {
    child: 'ox.on_time_share',
    parent: 'cx.delivery_rating',
    grain: WAREHOUSE,
    sign: 1,
    band: [0.45, 0.97],
    note: 'Warehouse-months with fewer on-time shipments get lower delivery ratings (survey months only).',
  },
  {
    child: 'ox.picking_error_rate',
    parent: 'cx.quality_rating',
    grain: WAREHOUSE,
    sign: -1,
    band: [-0.95, -0.45],
    note: 'Picking errors reach clients as wrong items and defects (survey months only).',
  },
  {
    child: 'ox.late_share',
    parent: 'cx.delivery_rating',
    grain: CLIENT,
    sign: -1,
    band: [-0.72, -0.42],
    note: 'A client with more late shipments rates delivery lower.',
  },
  {
    child: 'ox.defect_rate',
    parent: 'cx.quality_rating',
    grain: CLIENT,
    sign: -1,
    band: [-0.65, -0.33],
    note: 'A client with more defective orders rates quality lower.',
  },
  {
    child: 'ox.response_time',
    parent: 'cx.communication_rating',
    grain: MANAGER,
    sign: -1,
    band: [-0.95, -0.6],
    note: 'Clients of slow managers rate communication lower (survey months only).',
  },
  {
    child: 'cx.delivery_rating',
    parent: 'cx.nps',
    grain: CLIENT,
    sign: 1,
    band: [0.35, 0.65],
    note: 'Delivery weighs most in most clients’ satisfaction.',
  },
  {
    child: 'cx.quality_rating',
    parent: 'cx.nps',
    grain: CLIENT,
    sign: 1,
    band: [0.25, 0.58],
    note: 'Quality feeds the overall recommendation.',
  },
  {
    child: 'cx.communication_rating',
    parent: 'cx.nps',
    grain: CLIENT,
    sign: 1,
    band: [0.12, 0.4],
    note: 'Communication feeds the recommendation, less than delivery.',
  },
  {
    child: 'cx.documents_rating',
    parent: 'cx.nps',
    grain: CLIENT,
    sign: 1,
    band: [0.04, 0.32],
    note: 'Background: random document errors, no unit behind them.',
  },
  {
    child: 'cx.price_rating',
    parent: 'cx.nps',
    grain: CLIENT,
    sign: 1,
    band: [0.18, 0.48],
    note: 'Background: price perception differs by client, not by unit.',
  },
  {
    child: 'cx.nps',
    parent: 'tx.churn',
    grain: CLIENT,
    sign: -1,
    band: [-0.42, -0.1],
    note: 'Dissatisfied clients leave more often (monthly hazard grows as satisfaction falls).',
  },
  {
    child: 'cx.detractor_share',
    parent: 'tx.churn',
    grain: CLIENT,
    sign: 1,
    band: [0.1, 0.45],
    note: 'A detractor answer doubles the client’s churn hazard.',
  },
];

/** The decoys and why they are decoys. */
export const DECOYS: Record<string, string> = {
  'ex.training_hours':
    'Training hours vary a lot between units and months (some months none), but are drawn independently and feed nothing.',
  'it.qc_tools':
    'The count of quality-control tools in working order varies by warehouse and month, but does not change picking errors or defects.',
};

/** Where a decoy's correlation with its model parents falls: noise around zero. */
export const DECOY_BAND: [number, number] = [-0.2, 0.2];

/** The effect-size constants, as reported in the truth. */
export function plantedEffects(): DemoEffects {
  return structuredClone(DEMO_EFFECTS) as DemoEffects;
}
