/**
 * A run worker started ahead of the next run, so pressing Run does not wait for the worker's
 * bundle to load and lock its realm down. Each run still gets a worker no run has used: the
 * spare has loaded its modules and run nothing, and a run's worker is terminated when the run
 * ends (run-controller.ts), after which the next spare is started when the page is idle.
 */

import { PROTOCOL_VERSION, type PreparedFile, type PreparedImport, type PrepareRequest } from "../../runtime/protocol";

interface Spare {
  worker: Worker;
  /** It failed to load: its error event has fired already, so it must not be handed out. */
  failed: boolean;
  /** Keys of the imports sent to it ahead (checked and copied there before any run). */
  imports: Set<string>;
}

/** A run worker and the imports it was sent ahead (none for a new worker). */
export interface RunWorker {
  worker: Worker;
  imports: ReadonlySet<string>;
}

/** The imports the next spare is sent when it starts (the page's parsed imports, as last offered). */
let offered: readonly PreparedImport[] = [];

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
  const s: Spare = { worker: newRunWorker(), failed: false, imports: new Set(offered.map((i) => i.key)) };
  s.worker.onerror = (ev) => {
    ev.preventDefault();
    s.failed = true;
  };
  const prepare: PrepareRequest = {
    type: "prepare",
    protocolVersion: PROTOCOL_VERSION,
    files: [...files],
    imports: [...offered],
  };
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

/**
 * The parsed imports a run would read now: sent at once to the spare (those it lacks), so that
 * checking and copying their columns in the worker happens before Run is pressed; and to the
 * spares started later. (On a cross-origin isolated page the columns are shared, not copied here.)
 */
export function offerImports(imports: readonly PreparedImport[]): void {
  offered = imports;
  const s = spare;
  if (!s || s.failed) return;
  const fresh = imports.filter((i) => !s.imports.has(i.key));
  if (fresh.length === 0) return;
  for (const i of fresh) s.imports.add(i.key);
  const prepare: PrepareRequest = { type: "prepare", protocolVersion: PROTOCOL_VERSION, files: [], imports: fresh };
  s.worker.postMessage(prepare);
}

/** A run worker no run has used: the spare when it loaded fine, else a new one. */
export function takeRunWorker(): RunWorker {
  // A spare asked for but not started yet would only load beside this run: it comes after.
  if (pending !== null) cancelIdleCallback(pending);
  pending = null;
  const s = spare;
  spare = null;
  if (s && !s.failed) {
    s.worker.onerror = null;
    return { worker: s.worker, imports: s.imports };
  }
  s?.worker.terminate();
  return { worker: newRunWorker(), imports: new Set() };
}
