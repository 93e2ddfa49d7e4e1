import type { Message } from '../message-types.ts';

/** Messages of the trace's verdict, its summary and its command line. */
export const traceVerdictEn = {
  'cli.trace': 'trace a population down a service model: the verdict, its causes and their units',
  'cli.traceNeedFiles':
    'name the model and the data folder: cx-trace trace --model model.json --data DIR',
  'cli.traceNotJson': '{file} is not JSON: {error}',
  'cli.traceNotModel': '{file} is not a service model (it has no indicators)',
  'cli.traceNoFile':
    'no file for dataset “{dataset}” in {dir} (expected {dataset}.csv or another file named {dataset})',
  'cli.traceNoNps':
    'the model has no NPS indicator to find detractors by: give --population COLUMN=VALUE',
  'cli.traceBadPopulation':
    '--population must be detractors, COLUMN=VALUE or COLUMN<=NUMBER, not “{value}”',
  'cli.traceBadWhatIf': '--what-if must be INDICATOR_ID=NUMBER, =median or =target, not “{value}”',
  'cli.traceBadAt': '--at must be UNIT_KIND=UNIT1,UNIT2, not “{value}”',
  'cli.traceUnknownIndicator': 'the model has no indicator “{id}”',
  'cli.traceMissingColumn': 'the data has no column “{column}” that the population needs',
  'cli.traceNoStart': 'no indicator with answers or client × period values to start from',
  'cli.traceNobody': 'nobody is in this population in the periods compared',
  'cli.traceWhatIfFailed': 'the what-if cannot be computed: {problems}',
  'cli.traceCausesHead':
    'Process, staff and IT indicators, by their persistent share of the gap (✔ supported and material):',
  'cli.traceLinksHead': 'Links the data does not back:',
  'cli.traceLinkUnsupported': 'its 95% interval includes 0',
  'cli.traceLinkSign': 'its sign contradicts the two indicators’ directions',
  'cli.traceWhatIfHead':
    'What-if: {indicator} set to {value} — the changes expected if the model’s links are causal (95% interval):',
  'cli.traceEstimator':
    'Uncertainty: {replicates} bootstrap replicates that re-weigh units for the links ({units}) and unit-months for the shifts; a link through units is fitted within them where units and months disagree; fewer than 8 units are flagged.',
  'tv.pop.detractors': 'Detractors',
  'tv.pop.segment': 'Clients with {column} = {value}',
  'tv.pop.low': 'Answers with {column} {rule}',
  'tv.ref.answers': 'the other answers',
  'tv.ref.clients': 'the other clients',
  'tv.gap':
    '{population}: {start} {popValue} against {refValue} for {reference}, {gap} worse (95% interval {low} to {high}).',
  'tv.cause':
    'The main supported cause: {indicator}{where} — {amount} of the gap, {share} (95% interval {low} to {high}).',
  'tv.causeAt': ' at {units}',
  'tv.causeAtValues': ' at {units} ({values} against {others} at the other units)',
  'tv.via': 'The gap runs above all through {via}.',
  'tv.alsoSupported': 'Also supported: {list}.',
  'tv.unexplained':
    'No process, staff or IT indicator in the model carries a supported and material part of it (at least {materiality} of the gap): the cause lies outside the model, or in how these clients answer. To find it, the model needs the process, staff or IT indicators that the complaints point to, measured at the units that serve these clients.',
  'tv.largestCandidate':
    'The largest candidate, {indicator}, carries {share} (95% interval {low} to {high}).',
  'tv.none':
    '{population} are not worse than {reference} beyond chance: {start} {popValue} against {refValue} (difference {gap}, 95% interval {low} to {high}).',
  'tv.fewUnits': {
    one: 'Rests on {count} unit only: read it as a lead, not a proof.',
    other: 'Rests on {count} units only: read it as a lead, not a proof.',
  },
} satisfies Record<string, Message>;
