import { driversBridge } from '../data/drivers-bridge.ts';
import type { DriverChoicesOutput, DriverTableInput } from '../core/worker-api/drivers-api.ts';
import { LatestQuery } from './task-run.svelte.ts';

/** The candidate targets and features of a table, re-asked as the table or target changes. */
export class DriverChoicesRun extends LatestQuery<DriverChoicesOutput> {
  async start(input: DriverTableInput): Promise<void> {
    await this.ask((signal) => driversBridge.call('choices', input, { signal }));
  }
}
