import {
  PROTOCOL_VERSION,
  protocolError,
  readWorkerMessage,
  type DataSource,
  type RowsRequest,
  type WorkerRequest,
} from "../../runtime/protocol";
import type { UserError } from "../../runtime/user-error";
import { appStoreApi } from "../../store/store";
import { CRASHED_RUN_MESSAGE, markRunEnded, markRunStarted, takeCrashedRun } from "./crash-marker";
import { dataKeyOf } from "../../store/share-slice";
import { runDataOf } from "../share/make-share-link";
import { recordRunMessage } from "../export/run-event-log";
import { extendDebugApi } from "../debug-api";
import { makeWhereBuffer, readWhere, type Where } from "../../runtime/where-cells";
import { askToStop, makeStopCell } from "../../runtime/stop-cell";
import { parsedImport } from "../data/bar-cache";
import { offerImports, prepareRunWorker, takeRunWorker } from "./spare-run-worker";
import type { ImportedCsv } from "../../store/store";
import { SAMPLE_FILES, type SampleFile } from "../data/sample-data";
import { batchPacer } from "./batch-pacer";
import { BatchStage } from "../../store/batch-stage";
import { whenChartsDrawn } from "../charts/frame-jobs";
import { readRowsLater } from "../../runtime/results-rows";
import { yieldToPage } from "../yield-to-page";
import { prepareEquityColumns } from "../../store/series-buffer";
import { whenIdle } from "./when-idle";
import { typeErrorsNow } from "./type-errors-at-run";

/** The file name user code has in error messages and stack traces. */
export const STRATEGY_FILE = "strategy.ts";

let worker: Worker | null = null;
let limitTimer: ReturnType<typeof setTimeout> | null = null;
let lastRunId = 0;
/** Where the current run is (written by its worker), when the page is cross-origin isolated. */
let where: SharedArrayBuffer | null = null;
/** The current run's Stop cell (runtime/stop-cell.ts), when the page is cross-origin isolated. */
let stopCell: SharedArrayBuffer | null = null;
/** Set while a Stop waits for the bar loop's last batch: the worker is ended when it fires. */
let stopTimer: ReturnType<typeof setTimeout> | null = null;
/**
 * How long a Stop waits for the bar loop to post the bars it has not sent (it looks at the cell
 * after every bar): a worker stuck in user code never answers and is ended after this.
 */
const STOP_WAIT_MS = 300;

/** Where the run is (or was when the page ended it: read before the worker is gone). */
export function whereNow(): Where | undefined {
  return where ? readWhere(where) : undefined;
}

/** Applies the current run's waiting batches now (before the run ends, so none is lost). */
let flushBatches: (() => void) | null = null;

/** The worker of a finished run while it writes the run's rows (results-rows.ts): ended when they come. */
let rowsWorker: Worker | null = null;

/** Ends the current run's worker (or, with `keepWriting`, keeps it to write the run's rows). */
function dispose(keepWriting = false): void {
  rowsWorker?.terminate();
  rowsWorker = null;
  const flush = flushBatches;
  flushBatches = null;
  flush?.();
  if (worker) markRunEnded();
  const ended = worker !== null;
  if (keepWriting) rowsWorker = worker;
  else worker?.terminate();
  worker = null;
  if (limitTimer !== null) clearTimeout(limitTimer);
  limitTimer = null;
  if (stopTimer !== null) clearTimeout(stopTimer);
  stopTimer = null;
  if (ended) prepareNextRun();
}

const sampleUrl = (f: SampleFile) => new URL(f.url, location.href).href;

/** Has a run worker loaded ahead of the next run, with every bundled file fetched and parsed (spare-run-worker.ts). */
export function prepareNextRun(): void {
  offerParsedImports();
  prepareRunWorker(SAMPLE_FILES.map((f) => ({ name: f.name, url: sampleUrl(f) })));
}

/** A key per imported file (the store's own object, so a replaced file never passes for it). */
const importKeys = new WeakMap<ImportedCsv, string>();
let importsKeyed = 0;
const importKeyOf = (c: ImportedCsv) => {
  let k = importKeys.get(c);
  if (k === undefined) importKeys.set(c, (k = `import-${++importsKeyed}`));
  return k;
};

/**
 * Sends the imports the next run would read, parsed, to the spare run worker ahead of the run
 * (after an import), and has the run's equity columns written ahead for the longest of them.
 */
export function offerParsedImports(state = appStoreApi().getState()): void {
  const imports = runDataOf(state).imported.flatMap((c) => {
    const parsed = parsedImport(c);
    return parsed
      ? [{ key: importKeyOf(c), name: c.name, bars: [...parsed.bars], warnings: [...parsed.warnings] }]
      : [];
  });
  offerImports(imports);
  const longest = Math.max(0, ...imports.flatMap((i) => i.bars.map((b) => b.time.length)));
  // A column per idle turn, each a task of its own.
  const prepare = () => prepareEquityColumns(longest) || whenIdle(prepare);
  if (longest >= LONG_RUN_BARS) whenIdle(prepare);
}

/** Runs this long or longer get their equity columns written ahead (shorter ones cost the page little). */
const LONG_RUN_BARS = 10_000;

/**
 * The files a run of `state` reads (the forensics what-if passes the shown run's settings). An
 * import goes as the columns the import worker parsed (copied to the worker, checked there), so
 * the run worker does not parse its text a second time; as its Blob (read in the run worker) only
 * before that parse is done.
 */
export function dataSources(state = appStoreApi().getState(), ahead: ReadonlySet<string> = new Set()): DataSource[] {
  // An imported file replaces the bundled file of the same symbol.
  const { bundled, imported } = runDataOf(state);
  const samples = bundled.map((f) => ({ name: f.name, url: sampleUrl(f) }));
  return [
    ...samples,
    ...imported.map((c): DataSource => {
      const parsed = parsedImport(c);
      if (parsed && ahead.has(importKeyOf(c))) return { name: c.name, prepared: importKeyOf(c) };
      return parsed
        ? { name: c.name, bars: [...parsed.bars], warnings: [...parsed.warnings] }
        : { name: c.name, file: c.file };
    }),
  ];
}

/**
 * Compiles and runs the editor's code in a module worker no run has used (loaded ahead, see
 * spare-run-worker.ts): a fresh worker per run, so Stop is a terminate() that works even when
 * user code loops forever.
 */
export function startRun(): void {
  dispose();
  const store = appStoreApi();
  const s = store.getState();
  const runId = ++lastRunId;
  // A fresh buffer per run: a stopped worker's last writes never reach the next run's report.
  where = globalThis.crossOriginIsolated ? makeWhereBuffer() : null;
  stopCell = globalThis.crossOriginIsolated ? makeStopCell() : null;
  // For tests and the console: `playground.runWhere()` reads the cells the worker writes.
  extendDebugApi({ runWhere: whereNow });
  s.startRun(runId, performance.now(), typeErrorsNow());
  const { worker: w, imports: ahead } = takeRunWorker();
  const data = dataSources(store.getState(), ahead);
  // The detail says how each file went to the worker (the hand-off test reads it).
  const how = (d: DataSource) => ("prepared" in d ? "prepared" : "bars" in d ? "parsed" : "url" in d ? "url" : "text");
  performance.mark("run-pressed", { detail: { data: data.map(how) } });
  markRunStarted();
  s.noteRunInput({ code: s.code, settings: s.settings, dataKey: dataKeyOf(s) });
  worker = w;
  /** End this run with an error of the page's own (the worker is gone or cannot be trusted). */
  const fail = (error: UserError) => {
    if (worker !== w) return;
    dispose();
    store
      .getState()
      .applyWorkerMessage({ type: "error", protocolVersion: PROTOCOL_VERSION, runId, error }, performance.now());
  };
  // Each batch is folded into the results in the task it came in; the pacer shows them together.
  const stage = new BatchStage(() => store.getState());
  const batches = batchPacer(() => {
    const staged = stage.take(performance.now());
    if (staged) store.getState().showStagedBatches(staged);
    return true;
  }, whenChartsDrawn);
  const flush = batches.flush;
  flushBatches = flush;
  w.onmessage = (ev: MessageEvent<unknown>) => {
    if (worker !== w) return;
    const read = readWorkerMessage(ev.data);
    if ("problem" in read) return fail(protocolError(read.problem));
    const msg = read.message;
    if (msg.runId !== runId) return fail(protocolError(`the worker answered for run ${msg.runId}, not ${runId}`));
    recordRunMessage(msg);
    if (msg.type === "batch") {
      try {
        stage.fold(msg);
      } catch (e) {
        return fail(protocolError(`the worker sent a batch message the page could not apply: ${String(e)}`));
      }
      batches.push(msg);
      return;
    }
    // The bar loop saw the Stop and posted every bar it ran: the run ends where the cells say.
    if (msg.type === "stopped") return endStopped();
    // Milestones on the page's performance timeline (the browser benchmark reads them).
    performance.mark(`run-${msg.type}`);
    // The last batches and the finished run each take the page a while: a task each, not one.
    const split = msg.type === "done" && batches.waiting();
    if (!flush()) return;
    if (msg.type === "rows") return fail(protocolError("the worker sent rows before its results"));
    const apply = () => {
      // Rows to follow: the run's orders, fills and logs read as missing until they come.
      const supply = msg.type === "done" && msg.rowsFollow ? readRowsLater(msg.results, rowsProblem) : null;
      try {
        store.getState().applyWorkerMessage(msg, performance.now());
      } catch (e) {
        return fail(protocolError(`the worker sent a ${msg.type} message the page could not apply: ${String(e)}`));
      }
      if (supply) awaitRows(w, runId, supply, limitSec);
      else if (msg.type === "done" || msg.type === "error") dispose();
    };
    if (split) void yieldToPage().then(() => worker === w && apply());
    else apply();
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    fail({ kind: "internal", message: `the run worker failed: ${ev.message || "it could not start"}` });
  };
  const limitSec = s.settings.timeLimitSec;
  limitTimer = setTimeout(() => {
    if (worker !== w) return;
    const at = whereNow();
    dispose();
    store.getState().endRun("timeout", performance.now(), at);
  }, limitSec * 1000);
  const req: WorkerRequest = {
    type: "run",
    protocolVersion: PROTOCOL_VERSION,
    runId,
    source: s.code,
    fileName: STRATEGY_FILE,
    settings: s.settings.run,
    data,
    ...(where ? { where } : {}),
    ...(stopCell ? { stop: stopCell } : {}),
    rowsLater: true,
  };
  w.postMessage(req);
}

const rowsTimedOut = (sec: number) =>
  `the run's orders, fills and log lines did not come within the ${sec} s time limit: code the strategy ` +
  "left running after its run (a promise's callback, say) kept its worker busy, and it was ended";

const rowsProblem = (detail: string) => new Error(protocolError(`the worker sent ${detail}`).message);

/**
 * The run is over for the page (drawn, Stop gone); its worker writes the run's orders, fills and
 * log lines when asked, and is ended when they come (or when the next run starts first).
 */
function awaitRows(
  w: Worker,
  runId: number,
  supply: (rows: Uint8Array | null, why?: Error) => void,
  limitSec: number,
): void {
  dispose(true);
  // Code a strategy left behind runs in the worker after its run (a promise's callback): one that
  // never ends keeps the worker from answering. It is ended at the run's time limit, as a run is.
  const limit = setTimeout(() => end(null, new Error(rowsTimedOut(limitSec))), limitSec * 1000);
  const end = (rows: Uint8Array | null, why?: Error) => {
    if (rowsWorker !== w) return;
    clearTimeout(limit);
    supply(rows, why);
    rowsWorker = null;
    w.terminate();
  };
  w.onmessage = (ev: MessageEvent<unknown>) => {
    const read = readWorkerMessage(ev.data);
    const msg = "message" in read ? read.message : null;
    end(msg?.type === "rows" && msg.runId === runId ? msg.rows : null);
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    end(null);
  };
  // Asked for once the finished run is on screen (two frames on), so the worker writes them
  // beside nothing of the page's; a page in the background, with no frames, asks after a second.
  let asked = false;
  const ask = () => {
    if (asked || rowsWorker !== w) return;
    asked = true;
    const req: RowsRequest = { type: "rows", protocolVersion: PROTOCOL_VERSION, runId };
    w.postMessage(req);
  };
  requestAnimationFrame(() => requestAnimationFrame(ask));
  setTimeout(ask, 1000);
}

/**
 * Stops the run: asks its bar loop to post what it has and stop (runtime/stop-cell.ts), and ends
 * the worker when it has, or after STOP_WAIT_MS (user code stuck in a loop), or at a second Stop.
 * Without shared memory the worker is ended at once, its last batch's bars with it.
 */
export function stopRun(): void {
  if (!worker) return;
  if (stopCell && stopTimer === null) {
    askToStop(stopCell);
    stopTimer = setTimeout(endStopped, STOP_WAIT_MS);
    return;
  }
  endStopped();
}

/** Ends the stopped run's worker, and the run where the worker's cells say it was. */
function endStopped(): void {
  if (!worker) return;
  const at = whereNow();
  dispose();
  appStoreApi().getState().endRun("stopped", performance.now(), at);
}

export function isRunning(): boolean {
  return worker !== null;
}

/**
 * On load: if the previous page of this tab died during a run (see crash-marker.ts), show that
 * as the run's error. Leaving the page during a run is not a crash.
 */
export function reportCrashedRun(): void {
  addEventListener("pagehide", () => {
    if (worker) markRunEnded();
  });
  if (!takeCrashedRun()) return;
  const store = appStoreApi();
  const runId = ++lastRunId;
  store.getState().startRun(runId, performance.now());
  store.getState().applyWorkerMessage(
    {
      type: "error",
      protocolVersion: PROTOCOL_VERSION,
      runId,
      error: { kind: "internal", message: CRASHED_RUN_MESSAGE },
    },
    performance.now(),
  );
}
