import { describe, expect, it } from 'vitest';
import {
  columnsBeforeSteps,
  incompleteStep,
  newStep,
  type StepColumn,
} from '../../src/core/transform/step-columns.ts';
import { runTransform } from '../../src/core/transform/run-transform.ts';
import { STEP_KINDS, type TransformStep } from '../../src/core/transform/transform-steps.ts';

const survey: StepColumn[] = [
  { name: 'client_id', type: 'string' },
  { name: 'date', type: 'date' },
  { name: 'nps', type: 'number' },
];
const cards: StepColumn[] = [
  { name: 'client', type: 'string' },
  { name: 'segment', type: 'string' },
  { name: 'nps', type: 'number' },
];
const columnsOf = (id: string) => (id === 'cards' ? cards : null);

describe('the columns a transform form offers at each step', () => {
  const steps: TransformStep[] = [
    { kind: 'filter', combine: 'and', conditions: [{ column: 'nps', op: 'le', value: 6 }] },
    { kind: 'join', dataset: 'cards', leftKey: 'client_id', rightKey: 'client', how: 'left' },
    {
      kind: 'derive',
      name: 'q',
      derivation: { kind: 'datePart', column: 'date', part: 'quarter' },
    },
    {
      kind: 'group',
      by: ['segment', 'q'],
      aggregates: [
        { name: 'n', op: 'count', column: null },
        { name: 'score', op: 'nps', column: 'nps_1' },
      ],
    },
    { kind: 'pivot', rows: ['segment'], columns: 'q', value: 'score', op: 'mean' },
  ];

  it('are the columns the steps really make, up to a pivot', () => {
    const at = columnsBeforeSteps(survey, steps, columnsOf);
    expect(at).toHaveLength(steps.length + 1);
    // The same names as Arquero gives, on a real table of these columns.
    const input = {
      columns: { client_id: ['a', 'b'], date: [0, 8e9], nps: [3, 10] },
      types: { client_id: 'string', date: 'date', nps: 'number' } as const,
    };
    const other = {
      columns: { client: ['a', 'b'], segment: ['x', 'y'], nps: [1, 2] },
      types: { client: 'string', segment: 'string', nps: 'number' } as const,
    };
    for (let k = 1; k <= 4; k++) {
      const real = runTransform(input, steps.slice(0, k), (id) => (id === 'cards' ? other : null));
      expect(at[k]!.columns.map((c) => c.name)).toEqual(real.names);
      expect(at[k]!.columns.map((c) => c.type)).toEqual(real.names.map((n) => real.types[n]));
    }
    // After a pivot only its row columns are known: the rest come from the data.
    expect(at[5]).toEqual({ partial: true, columns: [{ name: 'segment', type: 'string' }] });
  });

  it('names the first step still to fill in, and what it needs', () => {
    expect(incompleteStep(steps)).toBeNull();
    // A new step waits for its choices; a new group (a count of all rows) can run as it is.
    for (const kind of STEP_KINDS) {
      expect(incompleteStep([newStep(kind)])?.step, kind).toBe(kind === 'group' ? undefined : 0);
    }
    const derive = { ...steps[2]!, name: ' ' } as TransformStep;
    expect(incompleteStep([steps[0]!, derive])).toEqual({ step: 1, need: 'name' });
    const bucket: TransformStep = {
      kind: 'derive',
      name: 'band',
      derivation: { kind: 'bucket', column: 'nps', edges: [] },
    };
    expect(incompleteStep([bucket])).toEqual({ step: 0, need: 'edges' });
    const mean: TransformStep = {
      kind: 'group',
      by: [],
      aggregates: [{ name: 'm', op: 'mean', column: null }],
    };
    expect(incompleteStep([mean])).toEqual({ step: 0, need: 'column' });
  });
});
