/**
 * A realistic, deterministic demo world: a B2B distributor's clients, their monthly
 * shipments, quarterly survey answers with free-text comments, and the monthly indicators of
 * its warehouses and account managers — with planted causes (see `demo-effects.ts`) and the
 * ground truth about them (`demo-truth.ts`). Pure: runs in a browser worker as in Node.
 *
 * Files (CSV, see `demo-csv.ts` for the format): `clients` (client card), `shipments`
 * (client × month), `survey` (one row per response), and three long unit files `ops`,
 * `staff`, `it` (unit × month with a `unit_kind` column — one file per source rather than one
 * per unit kind, as such reports come from one system each; see `demo-units.ts`).
 *
 * The same options give byte-identical files within one JavaScript engine.
 */
import type { ServiceModel } from '../model/model-types.ts';
import {
  complaintText,
  joinComplaints,
  neutralText,
  praiseText,
  roughen,
  type ComplaintTopic,
} from './demo-comments.ts';
import { CsvWriter, csvBoolean, csvNumber, csvText, isoMonth } from './demo-csv.ts';
import { DEMO_EFFECTS as E } from './demo-effects.ts';
import { demoModel } from './demo-model.ts';
import { demoColumn, demoDatasetTitle, renameModelColumns } from './demo-columns.ts';
import {
  DEMO_REGIONS,
  DEMO_ROLES,
  DEMO_SEGMENTS,
  FACTOR_IDS,
  companyName,
  managerNames,
  type TextLang,
} from './demo-names.ts';
import {
  DECOY_BAND,
  DECOYS,
  PLANTED_EDGES,
  plantedEffects,
  type Contrast,
  type DemoTruth,
} from './demo-truth.ts';
import { simulateUnits, writeUnitFiles, type UnitSeries } from './demo-units.ts';
import { Rng } from '../random.ts';

/** Options of the demo world. */
export interface DemoOptions {
  /** Seed of every random draw. */
  seed?: number;
  /** Clients before `scale`. */
  clients?: number;
  /** Months of history, ending in April 2026. */
  months?: number;
  /** Multiplies the clients (and with them shipments, answers and account managers). */
  scale?: number;
  /** Language of names, labels and comments; `mixed` is mostly Russian with some English clients. */
  lang?: 'ru' | 'en' | 'mixed';
}

/** The default options: 2,000 clients over 24 months. */
export const DEMO_DEFAULTS: Required<DemoOptions> = {
  seed: 20260501,
  clients: 2000,
  months: 24,
  scale: 1,
  lang: 'mixed',
};

/** One generated file: its dataset name (e.g. `clients`), file name and CSV text. */
export interface DemoFile {
  name: string;
  /** The dataset's name shown in the demo's language (e.g. `Клиенты`; `clients` in English). */
  title: string;
  fileName: string;
  csv: string;
  /** Data rows (without the header). */
  rows: number;
}

/** The generated world: its files, the matching service model and the ground truth. */
export interface DemoWorld {
  files: DemoFile[];
  model: ServiceModel;
  truth: DemoTruth;
}

/** The last month of the demo's history (year, month). */
const END = { year: 2026, month: 4 };
/** Account managers per 2,000 clients. */
const MANAGERS_PER_2000 = 36;
const GRADES = ['A', 'B', 'C'] as const;
const GRADE_SHARE = [0.15, 0.35, 0.5];
/** Monthly orders and average order value (₽) by grade. */
const GRADE_ORDERS = [12, 6, 2.5];
const GRADE_ORDER_VALUE = [250_000, 120_000, 45_000];
/** Contacts who may answer the survey, by grade: [min, max]. */
const GRADE_CONTACTS: [number, number][] = [
  [2, 3],
  [1, 3],
  [1, 2],
];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Checks and fills in options; throws a `RangeError` naming a bad one. */
export function resolveDemoOptions(options: DemoOptions = {}): Required<DemoOptions> {
  const o = { ...DEMO_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) Object.assign(o, { [k]: v });
  const whole = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min)
      throw new RangeError(`${name} must be a whole number ≥ ${min}`);
  };
  whole('seed', o.seed, 0);
  whole('clients', o.clients, 1);
  whole('months', o.months, 1);
  if (!(o.scale > 0) || !Number.isFinite(o.scale)) throw new RangeError('scale must be > 0');
  if (!['ru', 'en', 'mixed'].includes(o.lang)) throw new RangeError('lang must be ru, en or mixed');
  if (o.months > 240) throw new RangeError('months must be ≤ 240');
  return o;
}

/** Importance weights in `FACTOR_IDS` order, two decimals, summing to exactly 1. */
function clientWeights(rng: Rng, base: readonly number[]): number[] {
  const raw = base.map((b) => b * Math.exp(rng.normal(0, 0.3)));
  const sum = raw.reduce((a, b) => a + b, 0);
  const cents = raw.map((r) => Math.max(1, Math.round((r / sum) * 100)));
  const diff = 100 - cents.reduce((a, b) => a + b, 0);
  let top = 0;
  for (let i = 1; i < cents.length; i++) if (cents[i]! > cents[top]!) top = i;
  cents[top]! += diff;
  return cents.map((c) => c / 100);
}

/** Running tallies for a headline contrast. */
class Tally {
  a = 0;
  an = 0;
  b = 0;
  bn = 0;
  add(affected: boolean, value: number, n = 1): void {
    if (affected) {
      this.a += value;
      this.an += n;
    } else {
      this.b += value;
      this.bn += n;
    }
  }
  contrast(digits = 4): Contrast {
    const r = (x: number) => Number(x.toFixed(digits));
    return {
      affected: r(this.an ? this.a / this.an : 0),
      other: r(this.bn ? this.b / this.bn : 0),
    };
  }
}

/**
 * Generates the demo world. `onProgress` is told the clients simulated so far (and the total).
 * Throws a `RangeError` for invalid options.
 */
export function generateDemoWorld(
  options?: DemoOptions,
  onProgress?: (done: number, total: number) => void,
): DemoWorld {
  const opts = resolveDemoOptions(options);
  const { seed, months: T, lang } = opts;
  const N = Math.max(1, Math.round(opts.clients * opts.scale));
  const labelLang: TextLang = lang === 'en' ? 'en' : 'ru';
  const monthIso = Array.from({ length: T }, (_, t) => isoMonth(END.year, END.month, t - T + 1));
  const calMonth = monthIso.map((m) => Number(m.slice(5, 7)));

  const managerCount = Math.max(5, Math.round((N / 2000) * MANAGERS_PER_2000));
  const units = simulateUnits(
    seed,
    T,
    managerNames(Rng.derive(seed, 'manager-names'), managerCount, labelLang),
  );

  // Headers in the demo's language; the columns' identifiers stay the English headers.
  const headers = (ids: string[]) => ids.map((id) => demoColumn(id, lang));
  const cr = Rng.derive(seed, 'clients');
  const sr = Rng.derive(seed, 'survey');
  const idWidth = Math.max(5, String(N).length);
  const clients = new CsvWriter(
    headers([
      'client_id',
      'name',
      'segment',
      'grade',
      'region',
      'warehouse',
      'account_manager',
      'ltv',
      ...FACTOR_IDS.map((f) => `weight_${f}`),
      'churned',
      'churn_month',
    ]),
  );
  const shipments = new CsvWriter(
    headers([
      'client_id',
      'month',
      'orders',
      'late_shipments',
      'lead_time_days',
      'defects',
      'revenue',
    ]),
  );
  /** Survey rows before ids: sorted by date, then client, then contact. */
  const answers: { date: string; client: number; fields: string[] }[] = [];
  const usedNames = new Set<string>();
  const h = {
    detractorW: new Tally(),
    npsW: new Tally(),
    lateW: new Tally(),
    defectW: new Tally(),
    churnW: new Tally(),
    commM: new Tally(),
    detractorM: new Tally(),
    respM: new Tally(),
  };
  for (let m = 0; m < units.managers.length; m++) {
    for (let t = 0; t < T; t++) h.respM.add(units.lowCrm[m]!, units.responseHours[m * T + t]!);
  }

  for (let c = 0; c < N; c++) {
    if (onProgress && c % 500 === 0) onProgress(c, N);
    const id = 'C' + String(c + 1).padStart(idWidth, '0');
    const textLang: TextLang = lang === 'mixed' ? (cr.bernoulli(0.15) ? 'en' : 'ru') : lang;
    let name = companyName(cr, textLang);
    for (let i = 0; i < 4 && usedNames.has(name); i++) name = companyName(cr, textLang);
    usedNames.add(name);
    const seg = cr.weighted(
      DEMO_SEGMENTS,
      DEMO_SEGMENTS.map((s) => s.weight),
    );
    const g = cr.weighted([0, 1, 2], GRADE_SHARE);
    const region = cr.weighted(
      DEMO_REGIONS,
      DEMO_REGIONS.map((r) => r.weight),
    );
    // Most clients are served by their region's warehouse; some by another (stock, contracts).
    const wh = cr.bernoulli(0.9) ? region.warehouse - 1 : cr.int(0, units.warehouses.length - 1);
    const mgr = cr.int(0, units.managers.length - 1);
    const lowWh = units.lowScanner[wh]!;
    const lowMgr = units.lowCrm[mgr]!;
    const weights = clientWeights(cr, seg.factorWeights);
    const weightsKnown = !cr.bernoulli(0.02);
    const rate = GRADE_ORDERS[g]! * seg.orderRate * Math.exp(cr.normal(0, 0.3));
    const orderValue = GRADE_ORDER_VALUE[g]! * Math.exp(cr.normal(0, 0.3));
    const margin = cr.uniform(0.12, 0.25);
    const price = clamp(cr.normal(E.priceScoreMean, E.priceScoreSd), 1.5, 5);
    const answersSurvey = !cr.bernoulli(0.12);
    const [cMin, cMax] = GRADE_CONTACTS[g]!;
    const roles = cr.shuffle([...DEMO_ROLES]).slice(0, cr.int(cMin, cMax));
    const moods = roles.map(() => cr.normal(0, 0.7));
    const respondP = g === 0 ? 0.5 : 0.4;

    let ewLate = 1 - units.onTime[wh * T]!;
    let ewDefect = E.defectBase + E.defectPerPickingError * units.pickingError[wh * T]!;
    let ewDocs = E.documentIssueRate;
    let q = { orders: 0, late: 0, defects: 0, resp: 0, respN: 0, docs: 0 };
    let lastDetractor = false;
    let churnAt = -1;
    let revenueSum = 0;
    let orderSum = 0;
    let lateSum = 0;
    let defectSum = 0;
    let activeMonths = 0;

    for (let t = 0; t < T; t++) {
      const wi = wh * T + t;
      const onTime = units.onTime[wi]!;
      const pDefect = Math.min(
        0.5,
        E.defectBase + E.defectPerPickingError * units.pickingError[wi]!,
      );
      const resp = units.responseHours[mgr * T + t]!;
      const season = 1 + 0.12 * Math.sin((2 * Math.PI * (calMonth[t]! - 3)) / 12);
      const orders = cr.poisson(rate * season);
      const late = cr.binomial(orders, 1 - onTime);
      const defects = cr.binomial(orders, pDefect);
      const docIssue = cr.bernoulli(E.documentIssueRate) ? 1 : 0;
      const lead =
        orders > 0 && !cr.bernoulli(0.01)
          ? Math.max(0.5, region.leadDays + (3.5 * late) / orders + cr.normal(0, 0.4))
          : null;
      const revenue = orders > 0 ? orders * orderValue * Math.exp(cr.normal(0, 0.15)) : 0;
      shipments.row([
        id,
        monthIso[t]!,
        String(orders),
        String(late),
        csvNumber(lead, 1),
        String(defects),
        csvNumber(revenue, 2),
      ]);
      activeMonths++;
      revenueSum += revenue;
      orderSum += orders;
      lateSum += late;
      defectSum += defects;
      if (orders > 0) {
        ewLate = 0.65 * ewLate + (0.35 * late) / orders;
        ewDefect = 0.65 * ewDefect + (0.35 * defects) / orders;
      }
      ewDocs = 0.65 * ewDocs + 0.35 * docIssue;
      q.orders += orders;
      q.late += late;
      q.defects += defects;
      q.resp += resp;
      q.respN++;
      q.docs += docIssue;

      const scores = [
        E.qualityScoreBase - E.qualityScorePerDefectShare * ewDefect,
        E.deliveryScoreBase - E.deliveryScorePerLateShare * ewLate,
        E.communicationScoreBase - E.communicationScorePerResponseHour * resp,
        E.documentsScoreBase - E.documentsScorePerIssue * 3 * ewDocs,
        price,
      ];

      if (calMonth[t]! % 3 === 0) {
        // Quarter end: contacts answer about the quarter they remember.
        const lateShare = q.orders ? q.late / q.orders : ewLate;
        const defectShare = q.orders ? q.defects / q.orders : ewDefect;
        const respAvg = q.resp / q.respN;
        const qScores = [
          E.qualityScoreBase - E.qualityScorePerDefectShare * defectShare,
          E.deliveryScoreBase - E.deliveryScorePerLateShare * lateShare,
          E.communicationScoreBase - E.communicationScorePerResponseHour * respAvg,
          E.documentsScoreBase - E.documentsScorePerIssue * Math.min(2, q.docs),
          price,
        ];
        const problems: [ComplaintTopic, number][] = [];
        if (q.late > 0) problems.push(['delivery', lateShare * 10 * weights[1]!]);
        if (q.defects > 0) problems.push(['quality', defectShare * 12 * weights[0]!]);
        if (respAvg > 6) problems.push(['communication', ((respAvg - 4) / 5) * weights[2]!]);
        if (q.docs > 0) problems.push(['documents', q.docs * weights[3]!]);
        if (price < 3.4) problems.push(['price', (3.7 - price) * weights[4]!]);
        if (answersSurvey) {
          for (let k = 0; k < roles.length; k++) {
            if (!sr.bernoulli(respondP)) continue;
            const mood = moods[k]! + sr.normal(0, 0.5);
            // What the respondent perceived of each factor: its ratings, and its NPS, follow it.
            const perceived: number[] = [];
            const ratings = qScores.map((s, i) => {
              perceived.push(s + 0.3 * mood + sr.normal(0, E.ratingNoise));
              const v = clamp(Math.round(perceived[i]!), 1, 5);
              const blankP = i === 3 ? 0.06 : i === 4 ? 0.07 : 0.04;
              return sr.bernoulli(blankP) ? null : v;
            });
            const perceivedSatisfaction = perceived.reduce((sum, x, i) => sum + x * weights[i]!, 0);
            const nps = clamp(
              Math.round(
                E.npsAtReference +
                  E.npsPerSatisfactionPoint * (perceivedSatisfaction - E.satisfactionReference) +
                  sr.normal(0, E.npsNoise),
              ),
              0,
              10,
            );
            const comment = surveyComment(sr, textLang, nps, problems);
            const day = String(sr.int(3, 27)).padStart(2, '0');
            answers.push({
              date: monthIso[t]!.slice(0, 8) + day,
              client: c,
              fields: [
                id,
                monthIso[t]!.slice(0, 8) + day,
                csvText(labelLang === 'en' ? roles[k]!.en : roles[k]!.ru),
                String(nps),
                ...ratings.map((r) => (r === null ? '' : String(r))),
                csvText(comment),
              ],
            });
            lastDetractor = nps <= 6;
            h.detractorW.add(lowWh, nps <= 6 ? 1 : 0);
            h.npsW.add(lowWh, nps >= 9 ? 100 : nps <= 6 ? -100 : 0);
            h.detractorM.add(lowMgr, nps <= 6 ? 1 : 0);
            if (ratings[2] !== null) h.commM.add(lowMgr, ratings[2]!);
          }
        }
        q = { orders: 0, late: 0, defects: 0, resp: 0, respN: 0, docs: 0 };
      }

      const monthSatisfaction = scores.reduce((s, x, i) => s + x * weights[i]!, 0);
      const hazard =
        E.churnHazardBase *
        Math.exp(
          E.churnHazardPerSatisfactionPoint * (E.satisfactionReference - monthSatisfaction),
        ) *
        (lastDetractor ? E.churnHazardDetractorFactor : 1);
      if (cr.bernoulli(hazard)) {
        churnAt = t;
        break;
      }
    }

    h.lateW.add(lowWh, lateSum, orderSum);
    h.defectW.add(lowWh, defectSum, orderSum);
    h.churnW.add(lowWh, churnAt >= 0 ? 1 : 0);
    const monthly = revenueSum / activeMonths;
    const ltv = margin * revenueSum + (churnAt < 0 ? margin * monthly * 12 : 0);
    clients.row([
      id,
      csvText(name),
      csvText(labelLang === 'en' ? seg.en : seg.ru),
      GRADES[g]!,
      cr.bernoulli(0.01) ? '' : csvText(labelLang === 'en' ? region.en : region.ru),
      units.warehouses[wh]!,
      csvText(units.managers[mgr]),
      csvNumber(ltv, 2),
      ...weights.map((w) => (weightsKnown ? csvNumber(w, 2) : '')),
      csvBoolean(churnAt >= 0, lang),
      churnAt >= 0 ? monthIso[churnAt]! : '',
    ]);
  }
  onProgress?.(N, N);

  const survey = new CsvWriter(
    headers([
      'response_id',
      'client_id',
      'date',
      'contact_role',
      'nps',
      ...FACTOR_IDS.map((f) => `rating_${f}`),
      'comment',
    ]),
  );
  answers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.client - b.client));
  const rWidth = Math.max(6, String(answers.length).length);
  answers.forEach((a, i) => survey.row(['R' + String(i + 1).padStart(rWidth, '0'), ...a.fields]));

  const unitFiles = writeUnitFiles(seed, units, monthIso, headers);
  const writers: [string, CsvWriter][] = [
    ['clients', clients],
    ['shipments', shipments],
    ['survey', survey],
    ['ops', unitFiles.ops],
    ['staff', unitFiles.staff],
    ['it', unitFiles.it],
  ];
  const files = writers.map(([name, w]) => ({
    name,
    title: demoDatasetTitle(name, lang),
    fileName: `${name}.csv`,
    csv: w.toString(),
    rows: w.rows,
  }));

  return {
    files,
    model:
      lang === 'ru' ? renameModelColumns(demoModel(), (c) => demoColumn(c, lang)) : demoModel(),
    truth: {
      seed,
      options: { ...opts },
      period: { first: monthIso[0]!, last: monthIso[T - 1]! },
      clients: N,
      edges: structuredClone([...PLANTED_EDGES]),
      affected: affectedUnits(units),
      decoys: Object.keys(DECOYS),
      decoyNotes: { ...DECOYS },
      decoyBand: [...DECOY_BAND],
      effects: plantedEffects(),
      headline: {
        detractorShareByWarehouse: h.detractorW.contrast(),
        npsByWarehouse: h.npsW.contrast(1),
        lateShareByWarehouse: h.lateW.contrast(),
        defectShareByWarehouse: h.defectW.contrast(),
        churnByWarehouse: h.churnW.contrast(),
        responseHoursByManager: h.respM.contrast(2),
        communicationRatingByManager: h.commM.contrast(3),
        detractorShareByManager: h.detractorM.contrast(),
      },
    },
  };
}

function affectedUnits(u: UnitSeries): DemoTruth['affected'] {
  return {
    warehouses: u.warehouses.filter((_, i) => u.lowScanner[i]),
    managers: u.managers.filter((_, i) => u.lowCrm[i]),
  };
}

/**
 * A respondent's comment, tied to what the client actually went through in the quarter:
 * detractors complain (strongly) about their worst problem, passives mildly or not at all,
 * promoters praise; many leave the field empty. `problems` weigh each topic by how bad it was
 * and how much the client cares.
 */
function surveyComment(
  rng: Rng,
  lang: TextLang,
  nps: number,
  problems: [ComplaintTopic, number][],
): string {
  const pickProblem = (exclude?: ComplaintTopic): ComplaintTopic | null => {
    const open = problems.filter(([t]) => t !== exclude);
    if (!open.length) return null;
    return rng.weighted(
      open.map(([t]) => t),
      open.map(([, s]) => s),
    );
  };
  if (nps <= 6) {
    if (rng.bernoulli(0.15)) return '';
    const topic = pickProblem() ?? (rng.bernoulli(0.5) ? 'price' : null);
    if (!topic) return roughen(rng, neutralText(rng, lang), false);
    let text = complaintText(rng, lang, topic, true);
    const second = rng.bernoulli(0.25) ? pickProblem(topic) : null;
    if (second) text = joinComplaints(rng, lang, text, complaintText(rng, lang, second, true));
    return roughen(rng, text, true);
  }
  if (nps <= 8) {
    if (rng.bernoulli(0.4)) return '';
    const topic = rng.bernoulli(0.75) ? pickProblem() : null;
    return roughen(
      rng,
      topic ? complaintText(rng, lang, topic, false) : neutralText(rng, lang),
      false,
    );
  }
  if (rng.bernoulli(0.45)) return '';
  const topic = rng.bernoulli(0.1) ? pickProblem() : null;
  return roughen(
    rng,
    topic ? complaintText(rng, lang, topic, false) : praiseText(rng, lang),
    false,
  );
}
