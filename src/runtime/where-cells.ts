/**
 * Where a run is, in shared memory: the thread running user code writes the hook, the bar and
 * the line as it goes; the thread that bounds it (the CLI's main thread, the page) reads them
 * after a timeout or a Stop, when the stuck thread cannot speak. One layout for both.
 *
 * Layout (WHERE_BYTES): Int32 [hook index, bars done, bar index, line], then a Float64 at
 * byte 16: the current bar's Unix ms (NaN before the first bar).
 */
import type { BacktestListener } from "../engine/backtest";
import { storeView } from "../engine/data/store-view";

/** The hooks, by their index in the shared cell (0: none yet). */
export const HOOKS = [
  "",
  "module",
  "constructor",
  "initialize",
  "beforeTradingStart",
  "handleData",
  "scheduled function",
  "analyze",
] as const;

const HANDLE_DATA = HOOKS.indexOf("handleData");

export const WHERE_BYTES = 24;
const CELLS = 4;
const HOOK = 0;
const BARS_DONE = 1;
const BAR = 2;
const LINE = 3;

/** Where a run was, as read from the cells. */
export interface Where {
  hook?: string;
  /** ISO time of the bar being processed. */
  barTime?: string;
  /** The timeline index (`context.barIndex`) of that bar. */
  bar?: number;
  barsDone: number;
  /** The last line of the user's file the run passed a loop head or function entry on (0: none). */
  line?: number;
}

/** A fresh, zeroed buffer (bar time NaN). */
export function makeWhereBuffer(): SharedArrayBuffer {
  const buf = new SharedArrayBuffer(WHERE_BYTES);
  new Float64Array(buf, 16, 1)[0] = NaN;
  return buf;
}

/**
 * Writes the cells as a run goes: the hook and bar on each hook entry, the bars done on each bar.
 * This runs at every bar, in a locked-down realm, where an indexed store into a typed array takes
 * V8's slow path (its prototype is frozen: store-view.ts) and each `Atomics.store` is a fence: the
 * four stores a bar cost about as much as B1's whole bar loop. So the bar's values are plain
 * stores through prototype-less views (an aligned Int32 or Float64 store is whole; the other side
 * reads after the run was stopped or its time ran out, when the stores are long done), and the hook
 * and the line are stored only when they change.
 */
export function whereWriter(buf: SharedArrayBuffer): {
  listener: Required<Pick<BacktestListener, "onHook" | "onBar">>;
  /** Records the user's line (the compiled code calls this at loop heads and function entries). */
  atLine: (line: number) => void;
} {
  const cells = storeView(new Int32Array(buf, 0, CELLS));
  const barTime = storeView(new Float64Array(buf, 16, 1));
  const hookIndex = new Map<string, number>(HOOKS.map((h, i) => [h, i]));
  // What the cells hold (the writer is their only writer): a loop tells the same line on every
  // pass, and every bar enters the same hook.
  let lastLine = 0;
  let lastHook = -1;
  return {
    listener: {
      onHook(hook, t, dt) {
        const h = hook === "handleData" ? HANDLE_DATA : (hookIndex.get(hook) ?? 0);
        if (h !== lastHook) {
          lastHook = h;
          cells[HOOK] = h;
        }
        cells[BAR] = t;
        if (lastLine !== 0) {
          lastLine = 0;
          cells[LINE] = 0;
        }
        barTime[0] = dt;
      },
      onBar(t) {
        cells[BARS_DONE] = t + 1;
      },
    },
    atLine(line) {
      if (line === lastLine) return;
      lastLine = line;
      cells[LINE] = line;
    },
  };
}

/** Read the cells (from either side). */
export function readWhere(buf: SharedArrayBuffer): Where {
  const cells = new Int32Array(buf, 0, CELLS);
  const hook = HOOKS[Atomics.load(cells, HOOK)] || undefined;
  const dt = new Float64Array(buf, 16, 1)[0]!;
  const timed = Number.isFinite(dt);
  const line = Atomics.load(cells, LINE);
  return {
    hook,
    barTime: timed ? new Date(dt).toISOString() : undefined,
    bar: timed ? Atomics.load(cells, BAR) : undefined,
    barsDone: Atomics.load(cells, BARS_DONE),
    line: line > 0 ? line : undefined,
  };
}

/** Both listeners, in order (the worker streams events; the cells record where it is). */
export function bothListeners(a: BacktestListener | undefined, b: BacktestListener): BacktestListener {
  if (!a) return b;
  return {
    shouldStop: a.shouldStop,
    onHook(hook, t, dt) {
      a.onHook?.(hook, t, dt);
      b.onHook?.(hook, t, dt);
    },
    onBar(t, events) {
      a.onBar?.(t, events);
      b.onBar?.(t, events);
    },
  };
}

/** "in handleData at bar 1,234 (2004-03-05), line 17": what a Stop or a time limit says; "" when unknown. */
export function describeWhere(w: Where): string {
  if (!w.hook) return "";
  const bar =
    w.bar !== undefined && w.barTime ? ` at bar ${w.bar.toLocaleString("en-US")} (${w.barTime.slice(0, 10)})` : "";
  const line = w.line ? `, line ${w.line}` : "";
  return `in ${w.hook}${bar}${line}`;
}
