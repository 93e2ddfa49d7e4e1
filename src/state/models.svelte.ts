import { getDb } from '../data/db.ts';
import { watchModels } from '../data/models-repo.ts';
import type { ServiceModel } from '../core/model/model-types.ts';

/** The stored service models, kept current (in any tab) while watched. */
export class ModelList {
  items = $state.raw<ServiceModel[]>([]);
  error = $state.raw<unknown>(null);

  /** Follows the stored models until the returned function is called. */
  watch(): () => void {
    const sub = watchModels(
      getDb(),
      (models) => (this.items = models),
      (e) => (this.error = e),
    );
    return () => sub.unsubscribe();
  }
}
