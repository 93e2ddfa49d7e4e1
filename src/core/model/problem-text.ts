/**
 * Model problems in words: one sentence per problem in the user's language, with the ids,
 * columns and layers it concerns, and which element of the model it belongs to.
 */
import type { Locale } from '../i18n/locale.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { isMessageKey } from '../i18n/catalogue.ts';
import { translate } from '../i18n/translate.ts';
import type { ModelProblem } from './model-types.ts';

type Params = Record<string, string | number>;

/** Labels of the fields `validateModel` names, in the editor's words. */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  column: 'editor.column',
  dataset: 'editor.dataset',
  aggregate: 'editor.aggregate',
  per: 'editor.per',
  grain: 'editor.grain',
  kind: 'editor.grain',
  layer: 'editor.layer',
  direction: 'editor.direction',
  target: 'editor.target',
  unitKind: 'editor.unitKind',
  op: 'editor.filter',
  filter: 'editor.filter',
  shareOf: 'editor.shareOf',
  client: 'editor.key.client',
  period: 'editor.key.period',
  unit: 'editor.key.unit',
  unitKindColumn: 'editor.key.unitKindColumn',
  id: 'editor.name',
  name: 'editor.name',
};

/** One problem as a sentence in `locale`. */
export function problemText(locale: Locale, problem: ModelProblem): string {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const d = problem.detail ?? {};
  const str = (k: string) => (d[k] === undefined ? '' : String(d[k]));
  // A kind, key or type the catalogue does not name is shown as it is written.
  const label = (value: string, prefix: 'problem.kind.' | 'problem.key.' | 'problem.type.') => {
    const k = `${prefix}${value}`;
    return isMessageKey(k) ? t(k as MessageKey) : value;
  };
  switch (problem.code) {
    case 'duplicate-id':
      return d.child !== undefined
        ? t('problem.duplicate-link')
        : t('problem.duplicate-id', { id: str('id') });
    case 'unknown-reference':
      return t('problem.unknown-reference', {
        kind: label(str('kind'), 'problem.kind.'),
        id: str('id'),
      });
    case 'cycle':
      return t('problem.cycle', { ids: str('ids') });
    case 'link-down':
      return t('problem.link-down', {
        child: str('child'),
        parent: str('parent'),
        childLayer: str('childLayer'),
        parentLayer: str('parentLayer'),
      });
    case 'unknown-dataset':
      return t('problem.unknown-dataset', { dataset: str('dataset') });
    case 'unknown-column':
      return t('problem.unknown-column', { dataset: str('dataset'), column: str('column') });
    case 'type-mismatch':
      return t('problem.type-mismatch', {
        column: str('column'),
        type: label(str('type'), 'problem.type.'),
        expected: str('expected')
          .split(' | ')
          .map((x) => label(x, 'problem.type.'))
          .join(t('problem.or')),
      });
    case 'missing-key':
      return t('problem.missing-key', {
        dataset: str('dataset'),
        key: label(str('key'), 'problem.key.'),
      });
    case 'orphan-indicator':
      return t('problem.orphan-indicator');
    case 'invalid-value':
      return invalidValueText(problem, t);
  }
}

/** The several shapes of an invalid value: a scale, a target, a weight, or a field. */
function invalidValueText(
  problem: ModelProblem,
  t: (key: MessageKey, params?: Params) => string,
): string {
  const d = problem.detail ?? {};
  const last = problem.path[problem.path.length - 1];
  if (last === 'scale') return t('problem.scale', { min: d.min ?? '—', max: d.max ?? '—' });
  if (last === 'target' && d.target !== undefined) {
    return t('problem.target-outside', { target: d.target, min: d.min ?? '', max: d.max ?? '' });
  }
  if (d.sum !== undefined) return t('problem.weights-zero');
  if (last === 'weight') return t('problem.weight', { weight: d.weight ?? '—' });
  const field = String(d.field ?? last ?? '');
  const key = FIELD_LABELS[field];
  const name = key ? t(key) : field;
  return d.value !== undefined
    ? t('problem.invalid-value', { field: name, value: String(d.value) })
    : t('problem.invalid-field', { field: name });
}

/** The editor tab a problem belongs to, by where in the model it is. */
export type ProblemTab = 'journey' | 'indicators' | 'links' | 'data' | 'graph';

/** Which tab of the editor shows a problem. */
export function problemTab(problem: ModelProblem): ProblemTab {
  switch (problem.path[0]) {
    case 'journey':
      return 'journey';
    case 'indicators':
      return 'indicators';
    case 'links':
      return 'links';
    case 'factors':
    case 'unitKinds':
    case 'clientCard':
    case 'datasets':
    case 'period':
    case 'index':
      return 'data';
    default:
      return 'graph';
  }
}

/** The problems whose path starts with `prefix` (an element and everything in it). */
export function problemsUnder(
  problems: readonly ModelProblem[],
  prefix: readonly (string | number)[],
): ModelProblem[] {
  return problems.filter((p) => prefix.every((part, k) => p.path[k] === part));
}
