import type { Message } from '../message-types.ts';

/** Messages of the `cx-trace demo` command, merged into `../messages.ts`. */
export const demoEn = {
  'cli.demo': 'write the demo world (six CSV datasets, model.json, truth.json) into DIR',
  'cli.demoNeedOut': 'name the folder to write to: cx-trace demo --out DIR',
  'cli.demoBadNumber': '--{name} must be {what}, not “{value}”',
  'cli.demoWholeFrom': 'a whole number from {min}',
  'cli.demoWholeRange': 'a whole number from {min} to {max}',
  'cli.demoPositive': 'a number above 0',
  'cli.demoBadLang': '--lang must be ru, en or mixed for the demo, not “{value}”',
  'cli.demoCannotWrite': 'cannot write {file}: {error}',
  'cli.demoWrote':
    'Wrote to {dir} (seed {seed}, {clients} clients, {months} months) in {seconds} s:',
  'cli.demoRows': { one: '{count} row', other: '{count} rows' },
} satisfies Record<string, Message>;
