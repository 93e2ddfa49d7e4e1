/**
 * The causal structure planted in the demo world, in one place: every effect size the
 * generator uses. The truth object (`demo-truth.ts`) reports these constants as they are.
 *
 * Planted chains (everything else is noise or background):
 * - warehouse: low WMS scanner coverage → low staff competency → more picking errors and a
 *   lower on-time share → clients of that warehouse get more late shipments and defects →
 *   lower delivery and quality ratings, delivery/quality complaints → more detractors → churn;
 * - account manager: low CRM usage → slow response → lower communication ratings and
 *   communication complaints → a smaller NPS effect;
 * - staff turnover → a slightly lower on-time share (weak).
 *
 * Decoys: `training_hours` (staff file) and `qc_tools` (IT file) vary a lot across units and
 * months but are drawn independently of everything and feed nothing; every unit follows the
 * same plan of values in its own order of months, so no unit-level coincidence makes them look
 * like causes.
 */
export const DEMO_EFFECTS = {
  /** Warehouses (by number 1–6) with low WMS scanner coverage. */
  lowScannerWarehouses: [2, 5],
  /** Base scanner coverage of an affected warehouse, drawn uniformly in this range. */
  scannerCoverageAffected: [0.2, 0.35],
  /** Base scanner coverage of the other warehouses. */
  scannerCoverageOther: [0.8, 0.95],
  /** Month-to-month noise (sd) of scanner coverage. */
  scannerCoverageNoise: 0.05,
  /** Competency score = base + slope × scanner coverage + noise. */
  competencyBase: 52,
  competencyPerCoverage: 42,
  competencyNoise: 6,
  /** Picking error rate = base + slope × (95 − competency) + noise. */
  pickingErrorBase: 0.003,
  pickingErrorPerCompetencyGap: 0.0012,
  pickingErrorNoise: 0.005,
  /** On-time share = base − slope × (95 − competency) − turnover slope × (turnover − mean) + noise. */
  onTimeBase: 0.975,
  onTimePerCompetencyGap: 0.006,
  onTimePerTurnover: 0.9,
  onTimeNoise: 0.025,
  /** Monthly staff turnover of a warehouse: mean and sd (drawn independently every month). */
  turnoverMean: 0.035,
  turnoverSd: 0.015,
  /** Share of account managers with low CRM usage. */
  lowCrmManagerShare: 0.2,
  /** Base CRM usage share of a low-CRM manager, uniform in this range. */
  crmUsageLow: [0.25, 0.45],
  /** Base CRM usage share of the other managers. */
  crmUsageOther: [0.75, 0.95],
  crmUsageNoise: 0.06,
  /** Response time (hours) = base + slope × (1 − CRM usage), times a log-normal noise. */
  responseHoursBase: 2,
  responseHoursPerCrmGap: 14,
  responseHoursLogNoise: 0.3,
  /** Per-order defect probability = base + multiplier × picking error rate. */
  defectBase: 0.005,
  defectPerPickingError: 2.5,
  /** Factor scores (1–5 scale) a client experiences in a quarter. */
  deliveryScoreBase: 4.55,
  deliveryScorePerLateShare: 9,
  qualityScoreBase: 4.5,
  qualityScorePerDefectShare: 12,
  communicationScoreBase: 4.7,
  communicationScorePerResponseHour: 0.12,
  documentsScoreBase: 4.4,
  documentsScorePerIssue: 1.1,
  /** Monthly probability of a document error for a client (background, no unit behind it). */
  documentIssueRate: 0.03,
  /** Price perception (1–5) of a client: mean and sd (background). */
  priceScoreMean: 3.7,
  priceScoreSd: 0.45,
  /**
   * A respondent perceives each factor as its score + 0.3 × mood + noise with this sd; the
   * rating is that perception rounded to 1–5.
   */
  ratingNoise: 0.8,
  /**
   * NPS score = round(npsAtReference + slope × (weighted perceived satisfaction − reference) +
   * noise): a respondent recommends by what they perceived, the same perception they rated.
   */
  npsAtReference: 8.1,
  satisfactionReference: 4.0,
  npsPerSatisfactionPoint: 3.2,
  npsNoise: 1.0,
  /** Monthly churn hazard = base × exp(slope × (reference − satisfaction)), doubled after a detractor. */
  churnHazardBase: 0.003,
  churnHazardPerSatisfactionPoint: 2.6,
  churnHazardDetractorFactor: 2,
} as const;

/** The type of the effect table. */
export type DemoEffects = typeof DEMO_EFFECTS;
