import type { Backtest, BacktestListener } from "../engine/backtest";
import type { SymbolBars } from "../engine/data/symbol-bars";
import { DataError } from "../engine/data/symbol-bars";
import { EventColumnsEncoder } from "./event-columns";
import { PROTOCOL_VERSION, type WorkerMessage, type WorkerRequest } from "./protocol";
import { splitResults, splitResultsLater } from "./results-rows";
import { runStrategy } from "./run-strategy";
import { type UserError, UserFacingError } from "./user-error";
import { messageOf } from "./thrown-value";
import { bothListeners, whereWriter } from "./where-cells";
import { stopAskedOf } from "./stop-cell";

/** How often the worker posts a batch while a run goes on. */
const BATCH_MS = 50;
/**
 * The bar loop reads the clock every `stride` bars: doubled (up to MAX_STRIDE) while that is
 * under FAST_MS apart, halved (down to every bar) while it is over SLOW_MS apart. A fast run reads
 * it every 64 bars, as it always did, and a strategy that takes 100 ms a bar has each bar on the
 * page as it ends, instead of after 64 of them (and a Stop loses at most about BATCH_MS of bars).
 */
const MAX_STRIDE = 64;
const FAST_MS = 1;
const SLOW_MS = 10;

/**
 * Runs one request and reports through `post`, batching events and equity points so the
 * page gets a few messages a second however fast the engine is. Pure of worker APIs:
 * the worker entry passes its postMessage; tests pass an array's push. With `rowsLater`, returns
 * what posts the run's rows, to call when the page asks for them. `measure` is told, on `now`'s
 * clock, how long the parts after the bar loop took (the worker puts them on its performance
 * timeline, where a trace of the page finds them: bench/browser/post-loop.spec.ts).
 */
export function runSession(
  req: WorkerRequest,
  bars: readonly SymbolBars[],
  warnings: string[],
  post: (m: WorkerMessage) => void,
  now: () => number,
  measure: (name: string, start: number, end: number) => void = () => undefined,
): (() => void) | undefined {
  const base = { protocolVersion: PROTOCOL_VERSION, runId: req.runId } as const;
  let bt: Backtest | null = null;
  // The run's events as columns (one encoder: its string table spans the run), read from the
  // engine's event log at each batch: no event object is made.
  const encoder = new EventColumnsEncoder();
  let sentTo = 0;
  /** Events sent, and the log's length at the last bar's end (what `analyze` logs follows the last batch). */
  let eventsSent = 0;
  let eventsToBar = 0;
  let lastPost = now();
  /** When the bar loop read the clock last, how many bars it waits to read it again, and the bar it reads it at. */
  let lastRead = lastPost;
  let stride = 1;
  let nextRead = 0;
  /** The page's Stop (stop-cell.ts), looked at after every bar; set once the loop saw it. */
  const stopAsked = req.stop ? stopAskedOf(req.stop) : null;
  let stopped = false;
  const flush = (barsDone: number) => {
    if (!bt) return;
    bt.events.visit(eventsSent, eventsToBar, encoder);
    eventsSent = eventsToBar;
    const n = barsDone - sentTo;
    const equity = {
      from: sentTo,
      time: copyOf(bt.md.timeline, sentTo, barsDone),
      value: copyOf(bt.equityValue, sentTo, barsDone),
      cash: copyOf(bt.equityCash, sentTo, barsDone),
    };
    if (n > 0 || !encoder.empty) {
      const benchmark = bt.host.benchmark?.symbol ?? null;
      const events = encoder.take();
      post({ ...base, type: "batch", barsDone, totalBars: bt.md.timeline.length, events, equity, benchmark });
    }
    sentTo = barsDone;
    lastPost = now();
  };
  const listener: BacktestListener = {
    onBar(t) {
      eventsToBar = bt!.events.length;
      // Looked at every bar (one atomic read), not only where the clock is read: bars that turn
      // slow between two reads would otherwise run on past the page's wait for them.
      if (stopAsked?.()) {
        // Everything up to this bar goes to the page; the throw ends the loop (caught below).
        flush(t + 1);
        stopped = true;
        throw new Error("the page stopped the run");
      }
      if (t < nextRead) return;
      const ms = now();
      if (ms - lastRead < FAST_MS) stride = Math.min(stride * 2, MAX_STRIDE);
      else if (ms - lastRead > SLOW_MS) stride = Math.max(stride / 2, 1);
      lastRead = ms;
      nextRead = t + stride;
      if (ms - lastPost >= BATCH_MS) flush(t + 1);
    },
  };
  /** When the last batch was posted (from, to), on `now`'s clock. */
  let lastBatch: [number, number] = [NaN, NaN];
  // The page's shared cells, when it sent some: where the run is, for a Stop or a time limit.
  const where = req.where ? whereWriter(req.where) : null;
  try {
    const wanted = req.symbols && req.symbols.length > 0 ? new Set(req.symbols) : null;
    const selected = wanted ? bars.filter((b) => wanted.has(b.symbol)) : bars;
    const { results, timings } = runStrategy({
      source: req.source,
      fileName: req.fileName,
      bars: selected,
      settings: req.settings,
      now,
      onStart: (b) => {
        bt = b;
        post({
          ...base,
          type: "started",
          totalBars: b.md.timeline.length,
          symbols: b.md.assets.map((a) => a.symbol),
          warnings,
        });
      },
      // The last batch goes as soon as the loop ends: the page takes it in while the results are
      // built, instead of after them with `done`.
      onRan: (b) => {
        const from = now();
        flush(b.barsDone);
        lastBatch = [from, now()];
      },
      listener: where ? bothListeners(listener, where.listener) : listener,
      atLine: where?.atLine,
    });
    const returned = now();
    // What `analyze` logged, after the last bar: a batch of its own, with no new bars, before `done`.
    const ran = bt as Backtest | null;
    if (ran && ran.events.length > eventsToBar) {
      eventsToBar = ran.events.length;
      flush(ran.barsDone);
    }
    measure("worker: last batch", ...lastBatch);
    const built = lastBatch[1] + timings.resultsMs;
    measure("worker: results built", lastBatch[1], built);
    measure("worker: analyze", built, returned);
    // The page already has every event and equity point from the batches: leave the two
    // largest arrays out of the final message instead of cloning them a second time; the
    // orders, fills and log lines go as JSON bytes (results-rows.ts): when the page asked for
    // them later, in a message of their own that the returned function posts (the page asks for
    // it once it has drawn the finished run, so the two do not share the machine's cores).
    if (req.rowsLater) {
      const split = splitResultsLater(results);
      post({ ...base, type: "done", results: split.results, rowsFollow: true });
      measure("worker: done posted", returned, now());
      return () => post({ ...base, type: "rows", rows: split.rows() });
    }
    post({ ...base, type: "done", ...splitResults(results) });
    measure("worker: done posted", returned, now());
  } catch (e) {
    if (stopped) {
      post({ ...base, type: "stopped" });
      return undefined;
    }
    const done = (bt as Backtest | null)?.barsDone;
    if (done !== undefined) flush(done);
    post({ ...base, type: "error", error: toUserError(e) });
  }
  return undefined;
}

/** `a[from, to)` as an array of its own (to transfer): `set` from a view, many times faster than `slice` here. */
function copyOf(a: Float64Array, from: number, to: number): Float64Array {
  const out = new Float64Array(Math.max(0, to - from));
  out.set(a.subarray(from, to));
  return out;
}

/**
 * What to show for anything a run threw. Never throws itself: a value from user code can reach
 * here (a Proxy whose traps throw, on which even `instanceof` throws), and a worker that threw
 * here would post nothing, leaving the page to wait for its time limit.
 */
export function toUserError(e: unknown): UserError {
  try {
    if (e instanceof UserFacingError) return e.detail;
    if (e instanceof DataError)
      return { kind: "data" as const, message: e.detail, file: e.file, line: e.line, column: e.column };
  } catch {
    // Fall through: messageOf reads any value without throwing.
  }
  return { kind: "internal" as const, message: messageOf(e) };
}
