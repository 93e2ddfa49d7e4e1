/**
 * The heads of the heavy commands — name, summary and usage — apart from their code, so that
 * `help` and `version` list them without loading the analyses (`main.ts` loads a command's
 * module only when it is run).
 */
import type { MessageKey } from '../core/i18n/messages.ts';

/** What `help` says of a command. */
export interface CommandHead {
  name: string;
  summaryKey: MessageKey;
  usage: string;
}

export const FREQUENCY_HEAD: CommandHead = {
  name: 'frequency',
  summaryKey: 'cli.frequency',
  usage: 'cx-trace frequency FILE --text COL [--by COL] [--top N]',
};

export const CLUSTERS_HEAD: CommandHead = {
  name: 'clusters',
  summaryKey: 'cli.clusters',
  usage: 'cx-trace clusters FILE --text COL [--k N|auto] [--lang ru|en|auto] [--seed N]',
};

export const DRIVERS_HEAD: CommandHead = {
  name: 'drivers',
  summaryKey: 'cli.drivers',
  usage:
    'cx-trace drivers FILE --target COL [--low VALUE | --below NUMBER] [--features a,b,c] [--seed N]',
};

export const TRACE_HEAD: CommandHead = {
  name: 'trace',
  summaryKey: 'cli.trace',
  usage:
    'cx-trace trace --model model.json --data DIR [--population detractors | "COLUMN=VALUE" | "COLUMN<=N"] [--from INDICATOR_ID] [--period 2026-03] [--what-if "INDICATOR_ID=NUMBER|median|target" [--at UNIT_KIND=U1,U2]] [--seed N]',
};

export const REPORT_HEAD: CommandHead = {
  name: 'report',
  summaryKey: 'cli.report',
  usage:
    'cx-trace report --model model.json --data DIR --out report.html [--audience frontline|managers|executives] [--pseudonymise yes] [--lang ru|en]',
};
