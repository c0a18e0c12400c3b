import { reduceBatches, type BatchMessage, type RunAndResults } from "./run-results";

/** Batches folded ahead of the state shown, and the state they were folded onto. */
export interface StagedBatches {
  readonly base: RunAndResults;
  readonly next: RunAndResults;
}

/**
 * A streaming run's batches folded into its results as each one arrives, and shown together
 * when the run's pacer says (the store's `showStagedBatches`). Each batch is decoded in the task
 * its message came in (a few ms), so the change the page renders costs it the render alone, not
 * decoding every batch that waited since the last one: on a 200,000-bar run that was 10–20 ms of
 * CPU in the same task as the panels' render, the largest task of the run.
 *
 * The fold is the store's own (`reduceBatches`), onto the state shown when the first batch waiting
 * came: the same state as the batches applied together at the pacer's time.
 */
export class BatchStage {
  #staged: { base: RunAndResults; next: RunAndResults } | null = null;

  constructor(private readonly shown: () => RunAndResults) {}

  /** Folds a batch into what waits; throws, as the store would, on a batch it cannot apply. */
  fold(msg: BatchMessage, now: number): void {
    const s = this.#staged;
    if (s) {
      s.next = reduceBatches(s.next, [msg], now);
      return;
    }
    const { run, results } = this.shown();
    const base = { run, results };
    this.#staged = { base, next: reduceBatches(base, [msg], now) };
  }

  /** What waits, folded, with the state it was folded onto (null: nothing waits); the stage is empty after. */
  take(): StagedBatches | null {
    const s = this.#staged;
    this.#staged = null;
    return s;
  }
}
