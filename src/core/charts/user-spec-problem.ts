/**
 * Why an expert's hand-written chart spec is refused, and how the refusal reads in the user's
 * language (kept apart from the check, which needs Vega-Lite's compiler, so that the page can
 * word a refusal without loading it).
 */

/** Why a hand-written spec is refused. */
export type UserSpecProblemCode =
  | 'not-object'
  | 'data-url'
  | 'image-mark'
  | 'href'
  | 'loader'
  | 'usermeta'
  | 'unknown-dataset'
  | 'too-many-rows'
  | 'invalid';

/** One reason for refusing a spec, where it is (`layer[1].encoding.href`) and its detail. */
export interface UserSpecProblem {
  code: UserSpecProblemCode;
  /** A JSON path into the spec; empty for the spec as a whole. */
  path: string;
  detail?: string;
}

/**
 * A problem in the user's words: `t` translates the problem's message key
 * (`chart.problem.<code>`) with its `{path}`, `{detail}` and `{max}` (the most rows a chart
 * may draw).
 */
export function userSpecProblemMessage(
  problem: UserSpecProblem,
  t: (
    key: `chart.problem.${UserSpecProblemCode}`,
    params: Record<string, string | number>,
  ) => string,
  maxRows = 5000,
): string {
  return t(`chart.problem.${problem.code}`, {
    path: problem.path === '' ? '$' : problem.path,
    detail: problem.detail ?? '',
    max: maxRows,
  });
}
