import { PROTOCOL_VERSION, type DataSource, type WorkerMessage, type WorkerRequest } from "../../runtime/protocol";
import { appStoreApi } from "../../store/store";
import { dataKeyOf } from "../../store/share-slice";
import { runDataOf } from "../share/make-share-link";
import { recordRunMessage } from "../export/run-event-log";

/** The file name user code has in error messages and stack traces. */
export const STRATEGY_FILE = "strategy.ts";

let worker: Worker | null = null;
let limitTimer: ReturnType<typeof setTimeout> | null = null;
let lastRunId = 0;

function dispose(): void {
  worker?.terminate();
  worker = null;
  if (limitTimer !== null) clearTimeout(limitTimer);
  limitTimer = null;
}

function dataSources(): DataSource[] {
  // An imported file replaces the bundled file of the same symbol.
  const { bundled, imported } = runDataOf(appStoreApi().getState());
  const base = location.href;
  const samples = bundled.map((f) => ({ name: f.name, url: new URL(f.url, base).href }));
  return [...samples, ...imported.map((c) => ({ name: c.name, text: c.text }))];
}

/**
 * Compiles and runs the editor's code in a new module worker: a fresh worker per run, so
 * Stop is a terminate() that works even when user code loops forever.
 */
export function startRun(): void {
  dispose();
  const store = appStoreApi();
  const s = store.getState();
  const runId = ++lastRunId;
  s.startRun(runId, performance.now());
  s.noteRunInput({ code: s.code, settings: s.settings, dataKey: dataKeyOf(s) });
  const w = new Worker(new URL("../../worker/run-worker.ts", import.meta.url), {
    type: "module",
    name: `run-${runId}`,
  });
  worker = w;
  w.onmessage = (ev: MessageEvent<WorkerMessage>) => {
    const msg = ev.data;
    recordRunMessage(msg);
    store.getState().applyWorkerMessage(msg, performance.now());
    if ((msg.type === "done" || msg.type === "error") && worker === w) dispose();
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    store.getState().applyWorkerMessage(
      {
        type: "error",
        protocolVersion: PROTOCOL_VERSION,
        runId,
        error: { kind: "internal", message: `the run worker failed: ${ev.message || "it could not start"}` },
      },
      performance.now(),
    );
    if (worker === w) dispose();
  };
  const limitSec = s.settings.timeLimitSec;
  limitTimer = setTimeout(() => {
    if (worker !== w) return;
    dispose();
    store.getState().endRun("timeout", performance.now());
  }, limitSec * 1000);
  const req: WorkerRequest = {
    type: "run",
    protocolVersion: PROTOCOL_VERSION,
    runId,
    source: s.code,
    fileName: STRATEGY_FILE,
    settings: s.settings.run,
    data: dataSources(),
  };
  w.postMessage(req);
}

/** Stops the run at once: the worker is terminated mid-bar if need be. */
export function stopRun(): void {
  if (!worker) return;
  dispose();
  appStoreApi().getState().endRun("stopped", performance.now());
}

export function isRunning(): boolean {
  return worker !== null;
}
