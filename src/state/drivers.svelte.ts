import { driversBridge } from '../data/drivers-bridge.ts';
import type {
  DriverChoicesOutput,
  DriverTableInput,
  DriversInput,
  DriversOutput,
} from '../core/worker-api/drivers-api.ts';
import { LatestQuery } from './task-run.svelte.ts';

/** The candidate targets and features of a table, re-asked as the table or target changes. */
export class DriverChoicesRun extends LatestQuery<DriverChoicesOutput> {
  async start(input: DriverTableInput): Promise<void> {
    await this.ask((signal) => driversBridge.call('choices', input, { signal }));
  }
}

/** A key-drivers analysis in the drivers worker, with progress and cancel. */
export class DriversRun extends LatestQuery<{ input: DriversInput; output: DriversOutput }> {
  async start(input: DriversInput): Promise<void> {
    await this.ask(async (signal, onProgress) => ({
      input,
      output: await driversBridge.call('drivers', input, { signal, onProgress }),
    }));
  }
}
