import { BatchFold, batchApplies, type BatchMessage, type RunAndResults } from "./run-results";

/** Batches folded ahead of the state shown, and the state they were folded onto. */
export interface StagedBatches {
  readonly base: RunAndResults;
  readonly next: RunAndResults;
}

/**
 * A streaming run's batches decoded as each one arrives, and shown together when the run's
 * pacer says (`take`, then the store's `showStagedBatches`). Each batch is decoded in the task
 * its message came in (a few ms), so the change the page renders costs it the render alone, not
 * decoding every batch that waited since the last one: on a 200,000-bar run that was 10–20 ms of
 * CPU in the same task as the panels' render, the largest task of the run.
 *
 * The fold is the store's own (`BatchFold`, as `applyWorkerMessages` folds batches that waited
 * together), onto the state shown when the first batch waiting came.
 */
export class BatchStage {
  #staged: { base: RunAndResults; fold: BatchFold } | null = null;

  constructor(private readonly shown: () => RunAndResults) {}

  /** Decodes a batch into what waits; throws, as the store would, on a batch it cannot apply. */
  fold(msg: BatchMessage): void {
    if (!this.#staged) {
      const { run, results } = this.shown();
      const base = { run, results };
      // Of a run no longer shown, or ended: ignored, as the store ignores it.
      if (!batchApplies(base, msg)) return;
      this.#staged = { base, fold: new BatchFold(results) };
    }
    if (msg.runId === this.#staged.base.run.runId) this.#staged.fold.add(msg);
  }

  /** What waits, as results made at `now`, with the state it was folded onto (null: nothing waits); the stage is empty after. */
  take(now: number): StagedBatches | null {
    const s = this.#staged;
    this.#staged = null;
    return s && { base: s.base, next: s.fold.into(s.base, now) };
  }
}
