import { yieldToPage } from "../yield-to-page";

/** When the next frame has been drawn; a test may step frames by hand. */
export type NextFrame = (then: () => void) => void;

const afterFrame: NextFrame = (then) => requestAnimationFrame(() => void yieldToPage().then(then));

/**
 * Runs the charts' redraws (the order layer, the record() lines, the equity curve) one per frame,
 * each in a task of its own just after a frame. A redraw hands the chart library new data and the
 * library paints it on the next frame: run together, or inside the frame, the redraws and both
 * charts' paints made one main-thread task of 100 ms and more on a long run; one at a time, the
 * page has a frame between any two of them.
 *
 * A job is named by a key: queued again before it ran, it keeps its place and runs once, with the
 * latest function (the state it draws is the latest anyway).
 */
export class FrameJobs {
  private readonly queue = new Map<string, () => void>();
  private waiting = false;

  constructor(private readonly nextFrame: NextFrame = afterFrame) {}

  /** Runs `job` after the next frame, or after the jobs queued before it, one per frame. */
  schedule(key: string, job: () => void): void {
    this.queue.set(key, job);
    this.wait();
  }

  /** Drops what is queued (the charts are gone; React may mount them again and schedule afresh). */
  clear(): void {
    this.queue.clear();
  }

  /** Whether any job waits (tests). */
  get pending(): number {
    return this.queue.size;
  }

  private wait(): void {
    if (this.waiting || this.queue.size === 0) return;
    this.waiting = true;
    this.nextFrame(() => {
      this.waiting = false;
      const next = this.queue.entries().next();
      if (next.done) return;
      const [key, job] = next.value;
      this.queue.delete(key);
      try {
        job();
      } finally {
        this.wait();
      }
    });
  }
}
