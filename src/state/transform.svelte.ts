import { transformBridge } from '../data/transform-bridge.ts';
import type { TransformInput, TransformPreviewOutput } from '../core/worker-api/transform-api.ts';
import { LatestQuery } from './task-run.svelte.ts';

/**
 * The preview of a transform as the analyst edits its steps: asked of the transform worker
 * after a short pause in the editing, the last answer shown until the next arrives.
 */
export class TransformPreviewQuery extends LatestQuery<TransformPreviewOutput> {
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** Asks for the preview of `input` once the editing pauses for `delay` ms; null forgets it. */
  request(input: TransformInput | null, delay = 350): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (!input) {
      this.reset();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.ask((signal) => transformBridge.call('preview', input, { signal }));
    }, delay);
  }

  /** Stops asking (the cell is gone). */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.reset();
  }
}
