/** How a warm-up is sliced: `slices` calls of `slice`, each in a task of its own `gapMs` after the last. */
export interface WarmUpPlan {
  slice: () => void;
  slices: number;
  gapMs: number;
  /** setTimeout, or a test's fake. */
  later: (next: () => void, ms: number) => unknown;
  /** Told once, when the last slice has run, a slice threw or the warm-up was stopped. */
  ended?: () => void;
}

/**
 * Runs a spare run worker's warm-up in slices until the returned function is called: it must
 * never make a run wait behind it (the run's request is handled between two slices and stops the
 * rest) nor hold a core for long while the page or the editor starts. A slice that throws ends it
 * (the warm-up is only a head start: a run meets the same failure itself and reports it).
 */
export function warmUpInSlices({ slice, slices, gapMs, later, ended }: WarmUpPlan): () => void {
  let left = slices;
  let over = false;
  const end = () => {
    if (over) return;
    over = true;
    ended?.();
  };
  const next = () => {
    if (over) return;
    left--;
    try {
      slice();
    } catch {
      left = 0;
    }
    if (left > 0) later(next, gapMs);
    else end();
  };
  if (left > 0) later(next, gapMs);
  else end();
  return end;
}
