import { PageTurnGiver } from "../../runtime/page-turn";
import { yieldToPage } from "../yield-to-page";

/** The running run's turn cell (runtime/page-turn.ts), or null: no run, or a page without shared memory. */
let giver: PageTurnGiver | null = null;
/** Turns asked for and not given back yet: the worker waits until the last is. */
let held = 0;

/** The cell of the run that starts (null: none); a turn the last run's page kept is forgotten. */
export function pageTurnsFor(buf: SharedArrayBuffer | null): void {
  giver = buf ? new PageTurnGiver(buf) : null;
  held = 0;
}

/**
 * Asks the run's worker to wait (at most MAX_TURN_MS) from now until the next frame has been
 * painted and committed: called before the page hands the charts or the store what a run sent,
 * so that their render and the library's paint in the next frame have the cores to themselves.
 */
export function takeTurnUntilPainted(): void {
  const g = giver;
  if (!g) return;
  held++;
  g.take();
  // A task after the frame's callbacks: the frame's paint and commit are done by then.
  requestAnimationFrame(
    () =>
      void yieldToPage().then(() => {
        if (giver !== g || --held > 0) return;
        g.give();
      }),
  );
}
