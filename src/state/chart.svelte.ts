import { analysisBridge } from '../data/analysis-bridge.ts';
import type { PopulationInput } from '../core/worker-api/chart-api.ts';

/** Sizing a population pinned from a chart: how many rows it holds and which clients. */
export class PopulationPin {
  running = $state(false);
  /** The last pin found its dataset or a column gone. */
  failed = $state(false);

  /** The population's rows and clients (null when its dataset or a column is gone). */
  async size(input: PopulationInput): Promise<{ rows: number; clients: string[] | null } | null> {
    this.running = true;
    this.failed = false;
    try {
      const out = await analysisBridge.call('populationSize', input);
      if (!out.ok) this.failed = true;
      return out.ok ? { rows: out.rows, clients: out.clients } : null;
    } finally {
      this.running = false;
    }
  }
}
