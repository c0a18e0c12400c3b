/**
 * A run worker started ahead of the next run, so pressing Run does not wait for the worker's
 * bundle to load and lock its realm down. Each run still gets a worker no run has used: the
 * spare has loaded its modules and run nothing, and a run's worker is terminated when the run
 * ends (run-controller.ts), after which the next spare is started when the page is idle.
 */

interface Spare {
  worker: Worker;
  /** It failed to load: its error event has fired already, so it must not be handed out. */
  failed: boolean;
}

let spare: Spare | null = null;
/** The idle callback that will start the next spare, if one is asked for. */
let pending: number | null = null;
let made = 0;

function newRunWorker(): Worker {
  return new Worker(new URL("../../worker/run-worker.ts", import.meta.url), {
    type: "module",
    name: `run-${++made}`,
  });
}

/** Starts a spare now, unless one is ready. */
function makeSpare(): void {
  pending = null;
  if (spare) return;
  const s: Spare = { worker: newRunWorker(), failed: false };
  s.worker.onerror = (ev) => {
    ev.preventDefault();
    s.failed = true;
  };
  spare = s;
}

/**
 * Starts a spare run worker when the page is next idle (at once where the browser cannot say):
 * its loading then takes no time from what the page is doing now (opening, drawing a run).
 */
export function prepareRunWorker(): void {
  if (spare || pending !== null) return;
  if (typeof requestIdleCallback === "function") pending = requestIdleCallback(makeSpare, { timeout: 2000 });
  else makeSpare();
}

/** A run worker no run has used: the spare when it loaded fine, else a new one. */
export function takeRunWorker(): Worker {
  // A spare asked for but not started yet would only load beside this run: it comes after.
  if (pending !== null) cancelIdleCallback(pending);
  pending = null;
  const s = spare;
  spare = null;
  if (s && !s.failed) {
    s.worker.onerror = null;
    return s.worker;
  }
  s?.worker.terminate();
  return newRunWorker();
}
