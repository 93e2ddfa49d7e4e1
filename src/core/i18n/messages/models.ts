import type { Message } from '../message-types.ts';

/** Messages of the service-models page, merged into `../messages.ts`. */
export const modelsEn = {
  'models.intro':
    'A service model lays out the journey, the factors of satisfaction and the indicators of every layer (TX → CX → OX → EX → IT) with the links between them, bound to your datasets.',
  'models.none':
    'No service model yet. Start from a template, import a model file, or open the demo.',
  'models.template': 'Template',
  'models.create': 'Create from template',
  'models.import': 'Import a model (JSON)…',
  'models.export': 'Export JSON',
  'models.exportOf': 'Export “{name}” as JSON',
  'models.delete': 'Delete',
  'models.deleteOf': 'Delete “{name}”',
  'models.deleteConfirm':
    'Delete the service model “{name}”? Cells that use it will ask for another.',
  'models.deleted': 'Deleted “{name}”.',
  'models.imported': 'Imported “{name}”.',
  'models.created': 'Created “{name}”.',
  'models.notJson': 'The file “{file}” is not JSON: {error}',
  'models.notModel': 'The file “{file}” is not a CX Trace service model.',
  'models.indicators': { one: '{count} indicator', other: '{count} indicators' },
  'models.links': { one: '{count} link', other: '{count} links' },
  'models.valid': 'No problems found.',
  'models.problems': { one: '{count} problem', other: '{count} problems' },
  'models.error': 'error',
  'models.warning': 'warning',
  'models.graph': 'Show the model with its values',
  'models.graphOf': 'Show “{name}” with its values',
  'models.graphLabel': 'Layered graph of “{name}”',
  'models.graphHow':
    'How to read this: the layers run from the financial results (TX) at the top down to the IT stack at the bottom; each line links an indicator to the higher one it feeds. Green is better than its target, red worse, by more than 5% of the indicator’s scale (0.5 points on a 0–10 scale); dark grey is within that of its target; blue has no target, light grey no data yet. Point at an indicator for its current value (the mean over clients or units in the latest period); click it for its history and what drives it.',
  'models.layer': 'Layer',
  'models.indicator': 'Indicator',
  'models.value': 'Current value',
  'models.status.on': 'on target',
  'models.status.near': 'near target (within 5% of scale)',
  'models.status.off': 'off target',
  'models.status.no-target': 'no target',
  'models.status.no-data': 'no data',
  /** Progress of work that loads a model's datasets (its graph, its index). */
  'models.reading': 'Reading dataset {done} of {total}',
} satisfies Record<string, Message>;
