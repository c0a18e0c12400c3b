/**
 * A run worker started ahead of the next run, so pressing Run does not wait for the worker's
 * bundle to load and lock its realm down. Each run still gets a worker no run has used: the
 * spare has loaded its modules and run nothing, and a run's worker is terminated when the run
 * ends (run-controller.ts), after which the next spare is started when the page is idle.
 */

import { PROTOCOL_VERSION, type PreparedFile, type PrepareRequest } from "../../runtime/protocol";

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

/** Starts a spare now, unless one is ready, and has it fetch and parse `files` (the bundled files). */
function makeSpare(files: readonly PreparedFile[]): void {
  pending = null;
  if (spare) return;
  const s: Spare = { worker: newRunWorker(), failed: false };
  s.worker.onerror = (ev) => {
    ev.preventDefault();
    s.failed = true;
  };
  const prepare: PrepareRequest = { type: "prepare", protocolVersion: PROTOCOL_VERSION, files: [...files] };
  s.worker.postMessage(prepare);
  spare = s;
}

/**
 * Starts a spare run worker when the page is next idle (at once where the browser cannot say):
 * its loading then takes no time from what the page is doing now (opening, drawing a run). It
 * fetches and parses `files` (the bundled files a run may read) as soon as it has loaded.
 */
export function prepareRunWorker(files: readonly PreparedFile[]): void {
  if (spare || pending !== null) return;
  if (typeof requestIdleCallback === "function")
    pending = requestIdleCallback(() => makeSpare(files), { timeout: 2000 });
  else makeSpare(files);
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
