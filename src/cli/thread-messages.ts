/**
 * What the CLI's main thread and its strategy thread (run-worker-thread.ts) say to each other,
 * and the shared "where am I" cells the strategy thread writes as it goes, so the main thread
 * can name the hook and bar after a timeout or an out-of-memory, when the thread cannot speak.
 */
import type { SymbolBars } from "../engine/data/symbol-bars";
import type { RunSettings } from "../engine/settings";
import type { UserError } from "../runtime/user-error";

export interface ThreadInput {
  source: string;
  fileName: string;
  bars: readonly SymbolBars[];
  settings: RunSettings;
  /** The results JSON as text: "compact" (one line), "pretty" (indented), or none. */
  json: "compact" | "pretty" | null;
  /** Whether to produce the human summary table. */
  summary: boolean;
  /** WHERE_BYTES of shared memory, laid out as described at WHERE_BYTES. */
  where: SharedArrayBuffer;
}

/**
 * The thread posts "ready" once its modules are loaded (the time limit starts then), then, when
 * the JSON was asked for, the results JSON in "json" chunks (in order), then one outcome.
 */
export type ThreadMessage = { type: "ready" } | { type: "json"; chunk: string } | ThreadOutcome;

export type ThreadOutcome = { type: "done"; summary: string | null } | { type: "error"; exit: 1 | 2; error: UserError };

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

/** Int32 [hook index, bars done], then a Float64 at byte 8: the current bar's Unix ms (NaN before the first). */
export const WHERE_BYTES = 16;

export interface Where {
  hook?: string;
  barTime?: string;
  barsDone: number;
}

/** Read the shared cells (from either thread). */
export function readWhere(buf: SharedArrayBuffer): Where {
  const cells = new Int32Array(buf, 0, 2);
  const hook = HOOKS[Atomics.load(cells, 0)] || undefined;
  const dt = new Float64Array(buf, 8, 1)[0]!;
  return {
    hook,
    barTime: Number.isFinite(dt) ? new Date(dt).toISOString() : undefined,
    barsDone: Atomics.load(cells, 1),
  };
}
