import type { EngineEvent, LogLevel } from "../engine/events";
import type { ResultsJson } from "../engine/results/results-schema";
import { rowsOf } from "../runtime/event-columns";
import { EventColumnsReader } from "../runtime/event-columns-reader";
import { type WorkerMessage } from "../runtime/protocol";
import { formatUserError, type UserError } from "../runtime/user-error";
import { describeWhere, type Where } from "../runtime/where-cells";
import { NO_ORDERS, OrderColumns, type OrderTable } from "./order-table";
import { appendSeries, emptyEquity, writeEquity, type EquityBuffer, type SeriesBuffer } from "./series-buffer";
export type { OrderRow, OrderTable, OrderTransition } from "./order-table";

export type FillEvent = Extract<EngineEvent, { type: "fill" }>;
export type StopMovedEvent = Extract<EngineEvent, { type: "stopMoved" }>;

export interface LogLine {
  /** Bar time, Unix ms; null for lines not tied to a bar (run errors, warnings). */
  dt: number | null;
  level: LogLevel;
  message: string;
}

/** Keeps a log-flooding strategy from eating the page's memory. */
export const MAX_LOG_LINES = 5000;

export type RunStatus = "idle" | "running" | "done" | "error" | "stopped" | "timeout";

export interface RunState {
  status: RunStatus;
  runId: number;
  barsDone: number;
  totalBars: number;
  /** performance.now()-style ms of the page; elapsed time is shown from these. */
  startedAt: number;
  finishedAt: number | null;
  /** When the run's messages last changed it (the same clock): the elapsed time shown moves with them. */
  changedAt: number;
  error: UserError | null;
  /** Where a stopped or timed-out run was ("in handleData at bar 5 (2020-01-09), line 5"), when known. */
  stoppedAt?: string | null;
}

export interface ResultsState {
  /** The run's orders; a row is made when read (order-table.ts). */
  orders: OrderTable;
  /** Order ids in placement order. */
  orderIds: readonly string[];
  /**
   * The id of the order each order event changed, in event order (append-only, as `fills`): a
   * reader that kept how many it has seen looks only at the orders changed since, not at all.
   */
  orderUpdates: readonly string[];
  fills: readonly FillEvent[];
  stopMoves: readonly StopMovedEvent[];
  logs: readonly LogLine[];
  droppedLogs: number;
  records: Readonly<Record<string, SeriesBuffer>>;
  equity: EquityBuffer;
  /** Symbols the run loaded. */
  symbols: readonly string[];
  /** The symbol the strategy compares itself with (setBenchmark), or null. */
  benchmark: string | null;
  /** The final results JSON once the run is done. */
  final: ResultsJson | null;
  /** The run's order columns, appended batch by batch (shared by every state of one run). */
  stream: OrderColumns;
}

export interface RunAndResults {
  run: RunState;
  results: ResultsState;
}

export const IDLE_RUN: RunState = {
  status: "idle",
  runId: 0,
  barsDone: 0,
  totalBars: 0,
  startedAt: 0,
  finishedAt: null,
  changedAt: 0,
  error: null,
};

export function emptyResults(): ResultsState {
  return {
    orders: NO_ORDERS,
    orderIds: [],
    orderUpdates: [],
    fills: [],
    stopMoves: [],
    logs: [],
    droppedLogs: 0,
    records: {},
    equity: emptyEquity(),
    symbols: [],
    benchmark: null,
    final: null,
    stream: new OrderColumns(new EventColumnsReader()),
  };
}

/** A new run replaces the previous run's results. */
export function beginRun(runId: number, now: number): RunAndResults {
  return {
    run: { ...IDLE_RUN, status: "running", runId, startedAt: now, changedAt: now },
    results: emptyResults(),
  };
}

function appendLogs(results: ResultsState, lines: readonly LogLine[]): Pick<ResultsState, "logs" | "droppedLogs"> {
  if (lines.length === 0) return { logs: results.logs, droppedLogs: results.droppedLogs };
  const all = results.logs.concat(lines);
  const excess = all.length - MAX_LOG_LINES;
  return excess > 0
    ? { logs: all.slice(excess), droppedLogs: results.droppedLogs + excess }
    : { logs: all, droppedLogs: results.droppedLogs };
}

/**
 * Batches folded into the results: each batch's events decoded as it is added (order events into
 * the run's columns, nothing copied, no row made; fills, stop moves and log lines as objects; the
 * equity written into its columns), then the results made once with every list copied once for
 * all of them (`into`). The page adds each batch in the task it came in and makes the results
 * when it shows them (batch-stage.ts).
 */
export class BatchFold {
  readonly #newIds: string[] = [];
  readonly #updated: string[] = [];
  readonly #fills: FillEvent[] = [];
  readonly #stopMoves: StopMovedEvent[] = [];
  readonly #logs: LogLine[] = [];
  readonly #recordPoints = new Map<string, { time: number[]; value: number[] }>();
  #equity: EquityBuffer;
  #last: BatchMessage | null = null;

  constructor(private readonly results: ResultsState) {
    this.#equity = results.equity;
  }

  /** Decodes a batch (the next of the run, in order); throws on one the page cannot apply. */
  add(b: BatchMessage): void {
    const c = b.events;
    const { stream } = this.results;
    const { reader } = stream;
    reader.take(c);
    stream.append(c, this.#updated, this.#newIds);
    for (let r = 0; r < rowsOf(c, "fills"); r++) this.#fills.push(reader.fill(c, r));
    for (let r = 0; r < rowsOf(c, "stopMoves"); r++) this.#stopMoves.push(reader.stopMove(c, r));
    for (let r = 0; r < c.messages.length; r++) {
      const { dt, level, message } = reader.log(c, r);
      this.#logs.push({ dt, level, message });
    }
    for (const e of c.records) {
      for (const [name, value] of Object.entries(e.values)) {
        let pts = this.#recordPoints.get(name);
        if (!pts) this.#recordPoints.set(name, (pts = { time: [], value: [] }));
        pts.time.push(e.dt);
        pts.value.push(value);
      }
    }
    this.#equity = writeEquity(this.#equity, b.equity.from, b.equity);
    this.#last = b;
  }

  /** The run and results with every batch added; `state` as it was when the first was. */
  into(state: RunAndResults, now: number): RunAndResults {
    const last = this.#last;
    if (!last) return state;
    const { results } = this;
    let records = results.records;
    if (this.#recordPoints.size > 0) {
      // Without a prototype: a series is named by the strategy, and "constructor" or "__proto__"
      // must be a key like any other (on a plain object they read as Object's own, or set its prototype).
      const next = Object.assign(Object.create(null) as Record<string, SeriesBuffer>, records);
      for (const [name, pts] of this.#recordPoints) {
        next[name] = appendSeries(
          next[name] ?? { time: new Float64Array(0), value: new Float64Array(0), length: 0 },
          pts.time,
          pts.value,
        );
      }
      records = next;
    }
    const updated = this.#updated;
    return {
      run: { ...state.run, barsDone: last.barsDone, totalBars: last.totalBars, changedAt: now },
      results: {
        ...results,
        orders: updated.length ? results.stream.view() : results.orders,
        orderIds: this.#newIds.length ? results.orderIds.concat(this.#newIds) : results.orderIds,
        orderUpdates: updated.length ? results.orderUpdates.concat(updated) : results.orderUpdates,
        fills: this.#fills.length ? results.fills.concat(this.#fills) : results.fills,
        stopMoves: this.#stopMoves.length ? results.stopMoves.concat(this.#stopMoves) : results.stopMoves,
        ...appendLogs(results, this.#logs),
        records,
        equity: this.#equity,
        benchmark: last.benchmark,
      },
    };
  }
}

/**
 * The one way worker messages change the page's state: a pure function of the state and
 * the message. Messages of another run (a worker stopped a moment ago) are ignored.
 */
export function reduceWorkerMessage(state: RunAndResults, msg: WorkerMessage, now: number): RunAndResults {
  const { run, results } = state;
  if (msg.runId !== run.runId || run.status !== "running") return state;
  switch (msg.type) {
    case "started":
      return {
        run: { ...run, totalBars: msg.totalBars },
        results: {
          ...results,
          symbols: msg.symbols,
          equity: results.equity.length === 0 ? emptyEquity(msg.totalBars) : results.equity,
          ...appendLogs(
            results,
            msg.warnings.map((message) => ({ dt: null, level: "warning" as const, message })),
          ),
        },
      };
    case "batch":
      return reduceBatches(state, [msg], now);
    case "done":
      return {
        run: { ...run, status: "done", barsDone: msg.results.run.bars, finishedAt: now },
        results: { ...results, final: msg.results },
      };
    case "rows":
      // The run's rows, after its results: the run controller hands them to the results (results-rows.ts).
      return state;
    case "stopped":
      // The worker saw the page's Stop: the run controller ends the run with endRun, where it is.
      return state;
    case "error":
      return {
        run: { ...run, status: "error", finishedAt: now, error: msg.error },
        results: { ...results, ...appendLogs(results, [errorLine(msg.error)]) },
      };
  }
}

export type BatchMessage = Extract<WorkerMessage, { type: "batch" }>;

/** Whether a batch belongs to the run `state` shows, still running (else it is ignored). */
export const batchApplies = (state: RunAndResults, b: BatchMessage): boolean =>
  b.runId === state.run.runId && state.run.status === "running";

/**
 * Batches of the current run in order, folded as one: each collection (orders, fills, …) is
 * copied once for all of them, not once per batch.
 */
function reduceBatches(state: RunAndResults, batches: readonly BatchMessage[], now: number): RunAndResults {
  const last = batches[batches.length - 1];
  if (!last || !batchApplies(state, last)) return state;
  const fold = new BatchFold(state.results);
  for (const b of batches) fold.add(b);
  return fold.into(state, now);
}

/** Several messages in order, as reduceWorkerMessage one by one would, with runs of batches folded as one. */
export function reduceWorkerMessages(state: RunAndResults, msgs: readonly WorkerMessage[], now: number): RunAndResults {
  let st = state;
  for (let i = 0; i < msgs.length;) {
    let j = i;
    while (j < msgs.length && msgs[j]!.type === "batch" && msgs[j]!.runId === msgs[i]!.runId) j++;
    if (j > i) st = reduceBatches(st, msgs.slice(i, j) as BatchMessage[], now);
    else st = reduceWorkerMessage(st, msgs[j++]!, now);
    i = j;
  }
  return st;
}

function errorLine(error: UserError): LogLine {
  const dt = error.barTime ? Date.parse(error.barTime) : NaN;
  return { dt: Number.isFinite(dt) ? dt : null, level: "error", message: formatUserError(error) };
}

/**
 * The page ended the run: the user pressed Stop, or the time limit passed. `where` is what the
 * worker last wrote into the shared cells (src/runtime/where-cells.ts), when the page has them.
 */
export function endRun(
  state: RunAndResults,
  why: "stopped" | "timeout",
  now: number,
  limitSec?: number,
  where?: Where,
): RunAndResults {
  if (state.run.status !== "running") return state;
  const { results } = state;
  // The cells are current; the batches lag by up to about 50 ms of bars.
  const run = { ...state.run, barsDone: Math.max(state.run.barsDone, where?.barsDone ?? 0) };
  const at = where ? describeWhere(where) : "";
  const error: UserError | null =
    why === "timeout"
      ? {
          kind: "timeout",
          message: `the run took longer than the ${limitSec ?? "?"} s time limit and was stopped${at ? ` ${at}` : ""} (change it in Settings)`,
          // The line marks the editor; the hook and bar are in the message already.
          ...(where?.line ? { line: where.line } : {}),
        }
      : null;
  const line: LogLine = {
    dt: where?.barTime ? Date.parse(where.barTime) : null,
    level: why === "timeout" ? "error" : "info",
    message: error
      ? error.message
      : `run stopped by the user${at ? ` ${at}` : ""} after ${run.barsDone.toLocaleString("en-US")} of ${run.totalBars.toLocaleString("en-US")} bars`,
  };
  return {
    run: { ...run, status: why, finishedAt: now, error, stoppedAt: at || null },
    results: { ...results, ...appendLogs(results, [line]) },
  };
}
