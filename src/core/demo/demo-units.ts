/**
 * The demo world's organisational units month by month — warehouses and account managers —
 * from the IT stack up to the processes (IT → EX → OX), and the unit files written from them.
 *
 * Warehouses and managers share the long `ops`, `staff` and `it` files with a `unit_kind`
 * column (`warehouse` | `manager`), one row per unit and month; a field that does not apply to
 * the row's kind is empty. The latent values here are what clients experience; the files show
 * them with realistic gaps (a few unit-months missing from `ops`, a few blank fields).
 */
import { DEMO_EFFECTS as E } from './demo-effects.ts';
import { CsvWriter, csvNumber, csvText } from './demo-csv.ts';
import { WAREHOUSE_COUNT, warehouseId } from './demo-names.ts';
import { Rng } from '../random.ts';

/** Latent monthly values per unit, indexed `unit * months + month`. */
export interface UnitSeries {
  months: number;
  /** Warehouse ids, `WH-1` …. */
  warehouses: string[];
  /** Whether each warehouse has low scanner coverage (planted). */
  lowScanner: boolean[];
  scannerCoverage: Float64Array;
  competency: Float64Array;
  pickingError: Float64Array;
  onTime: Float64Array;
  turnover: Float64Array;
  /** Decoy: drawn independently, feeds nothing. */
  warehouseTraining: Float64Array;
  /** Decoy: drawn independently, feeds nothing. */
  qcTools: Int32Array;
  /** Account-manager names. */
  managers: string[];
  /** Whether each manager has low CRM usage (planted). */
  lowCrm: boolean[];
  crmUsage: Float64Array;
  responseHours: Float64Array;
  managerCompetency: Float64Array;
  /** Decoy: drawn independently, feeds nothing. */
  managerTraining: Float64Array;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * A plan of `months` monthly training hours (often none, else log-normal around ten hours).
 * Every unit follows the same plan in its own order of months (`scheduled`), so a decoy built
 * on it varies a lot within each unit but has the same mean at every unit: no unit-level
 * coincidence with the planted causes.
 */
function trainingPlan(rng: Rng, months: number): number[] {
  return Array.from({ length: months }, () =>
    rng.bernoulli(0.15) ? 0 : Math.exp(rng.normal(Math.log(10), 0.6)),
  );
}

/** `plan` in a random order of months, with a little noise on non-zero values. */
function scheduled(rng: Rng, plan: readonly number[], noise: number): number[] {
  return rng.shuffle([...plan]).map((v) => (v > 0 ? Math.max(0, v + rng.normal(0, noise)) : v));
}

/**
 * Simulates the units for `months` months: planted low scanner coverage at the warehouses of
 * `DEMO_EFFECTS.lowScannerWarehouses`, low CRM usage at a seeded share of `managers`.
 * Warehouses draw from their own sub-stream, so they do not depend on the number of clients.
 */
export function simulateUnits(seed: number, months: number, managers: string[]): UnitSeries {
  const wr = Rng.derive(seed, 'warehouses');
  const W = WAREHOUSE_COUNT;
  const warehouses = Array.from({ length: W }, (_, i) => warehouseId(i + 1));
  const lowScanner = warehouses.map((_, i) =>
    (E.lowScannerWarehouses as readonly number[]).includes(i + 1),
  );
  const scannerCoverage = new Float64Array(W * months);
  const competency = new Float64Array(W * months);
  const pickingError = new Float64Array(W * months);
  const onTime = new Float64Array(W * months);
  const turnover = new Float64Array(W * months);
  const warehouseTraining = new Float64Array(W * months);
  const qcTools = new Int32Array(W * months);
  const training = trainingPlan(wr, months);
  // QC tools in working order: five owned, some out for calibration; the same per warehouse.
  const qcPlan = Array.from({ length: months }, () => 5 - wr.binomial(5, 0.3) + wr.poisson(0.3));
  for (let w = 0; w < W; w++) {
    const trainingW = scheduled(wr, training, 0.5);
    const qcW = wr.shuffle([...qcPlan]);
    const range = lowScanner[w] ? E.scannerCoverageAffected : E.scannerCoverageOther;
    const base = wr.uniform(range[0], range[1]);
    // A slow upward drift: WMS roll-outs continue everywhere, just from different levels.
    const drift = wr.uniform(0.001, 0.004);
    for (let t = 0; t < months; t++) {
      const i = w * months + t;
      const cov = clamp(base + drift * t + wr.normal(0, E.scannerCoverageNoise), 0.1, 0.995);
      const comp = clamp(
        E.competencyBase + E.competencyPerCoverage * cov + wr.normal(0, E.competencyNoise),
        30,
        99,
      );
      const turn = Math.max(0, wr.normal(E.turnoverMean, E.turnoverSd));
      const gap = 95 - comp;
      scannerCoverage[i] = cov;
      competency[i] = comp;
      turnover[i] = turn;
      pickingError[i] = Math.max(
        0.0005,
        E.pickingErrorBase +
          E.pickingErrorPerCompetencyGap * gap +
          wr.normal(0, E.pickingErrorNoise),
      );
      onTime[i] = clamp(
        E.onTimeBase -
          E.onTimePerCompetencyGap * gap -
          E.onTimePerTurnover * (turn - E.turnoverMean) +
          wr.normal(0, E.onTimeNoise),
        0.5,
        0.998,
      );
      warehouseTraining[i] = trainingW[t]!;
      qcTools[i] = qcW[t]!;
    }
  }

  const mr = Rng.derive(seed, 'managers');
  const M = managers.length;
  const lowCount = Math.max(1, Math.round(M * E.lowCrmManagerShare));
  const order = mr.shuffle(Array.from({ length: M }, (_, i) => i));
  const lowCrm = Array.from({ length: M }, () => false);
  for (const i of order.slice(0, lowCount)) lowCrm[i] = true;
  const crmUsage = new Float64Array(M * months);
  const responseHours = new Float64Array(M * months);
  const managerCompetency = new Float64Array(M * months);
  const managerTraining = new Float64Array(M * months);
  const mTraining = trainingPlan(mr, months);
  for (let m = 0; m < M; m++) {
    const trainingM = scheduled(mr, mTraining, 0.5);
    const range = lowCrm[m] ? E.crmUsageLow : E.crmUsageOther;
    const base = mr.uniform(range[0], range[1]);
    const skill = mr.normal(74, 7);
    for (let t = 0; t < months; t++) {
      const i = m * months + t;
      const crm = clamp(base + mr.normal(0, E.crmUsageNoise), 0.05, 1);
      crmUsage[i] = crm;
      responseHours[i] =
        (E.responseHoursBase + E.responseHoursPerCrmGap * (1 - crm)) *
        Math.exp(mr.normal(0, E.responseHoursLogNoise));
      managerCompetency[i] = clamp(skill + mr.normal(0, 3), 30, 99);
      managerTraining[i] = trainingM[t]!;
    }
  }
  return {
    months,
    warehouses,
    lowScanner,
    scannerCoverage,
    competency,
    pickingError,
    onTime,
    turnover,
    warehouseTraining,
    qcTools,
    managers,
    lowCrm,
    crmUsage,
    responseHours,
    managerCompetency,
    managerTraining,
  };
}

/** The three unit files. */
export interface UnitFiles {
  ops: CsvWriter;
  staff: CsvWriter;
  it: CsvWriter;
}

/**
 * Writes `ops`, `staff` and `it` from the latent series: about 3 % of the unit-months are
 * missing from `ops` (a report not filed), about 2 % of other fields are blank.
 */
export function writeUnitFiles(
  seed: number,
  u: UnitSeries,
  monthIso: string[],
  headers: (ids: string[]) => string[] = (ids) => ids,
): UnitFiles {
  const rng = Rng.derive(seed, 'unit-files');
  const ops = new CsvWriter(
    headers([
      'unit_kind',
      'unit',
      'month',
      'on_time_share',
      'picking_error_rate',
      'response_time_hours',
    ]),
  );
  const staff = new CsvWriter(
    headers(['unit_kind', 'unit', 'month', 'training_hours', 'competency_score', 'turnover']),
  );
  const it = new CsvWriter(
    headers(['unit_kind', 'unit', 'month', 'scanner_coverage', 'crm_usage_share', 'qc_tools']),
  );
  const blank = (v: string) => (rng.bernoulli(0.02) ? '' : v);
  const T = u.months;
  for (let w = 0; w < u.warehouses.length; w++) {
    const unit = csvText(u.warehouses[w]);
    for (let t = 0; t < T; t++) {
      const i = w * T + t;
      const key = ['warehouse', unit, monthIso[t]!];
      if (!rng.bernoulli(0.03)) {
        ops.row([
          ...key,
          blank(csvNumber(u.onTime[i], 3)),
          blank(csvNumber(u.pickingError[i], 4)),
          '',
        ]);
      }
      staff.row([
        ...key,
        blank(csvNumber(u.warehouseTraining[i], 1)),
        blank(csvNumber(u.competency[i], 1)),
        blank(csvNumber(u.turnover[i], 3)),
      ]);
      it.row([...key, blank(csvNumber(u.scannerCoverage[i], 3)), '', blank(String(u.qcTools[i]))]);
    }
  }
  for (let m = 0; m < u.managers.length; m++) {
    const unit = csvText(u.managers[m]);
    for (let t = 0; t < T; t++) {
      const i = m * T + t;
      const key = ['manager', unit, monthIso[t]!];
      if (!rng.bernoulli(0.03)) ops.row([...key, '', '', blank(csvNumber(u.responseHours[i], 1))]);
      // Turnover is a team's share; for a single manager it does not apply.
      staff.row([
        ...key,
        blank(csvNumber(u.managerTraining[i], 1)),
        blank(csvNumber(u.managerCompetency[i], 1)),
        '',
      ]);
      it.row([...key, '', blank(csvNumber(u.crmUsage[i], 3)), '']);
    }
  }
  return { ops, staff, it };
}
