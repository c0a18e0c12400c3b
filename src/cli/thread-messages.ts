/**
 * What the CLI's main thread and its strategy thread (run-worker-thread.ts) say to each other,
 * and the shared "where am I" cells the strategy thread writes as it goes, so the main thread
 * can name the hook and bar after a timeout or an out-of-memory, when the thread cannot speak.
 */
import type { SymbolBars } from "../engine/data/symbol-bars";
import type { RunSettings } from "../engine/settings";
import type { UserError } from "../runtime/user-error";

export { type Where, readWhere } from "../runtime/where-cells";

export interface ThreadInput {
  source: string;
  fileName: string;
  bars: readonly SymbolBars[];
  settings: RunSettings;
  /** The results JSON as text: "compact" (one line), "pretty" (indented), or none. */
  json: "compact" | "pretty" | null;
  /** Whether to produce the human summary table. */
  summary: boolean;
}

/** The memory both threads share, given to the thread when it starts (its workerData). */
export interface ThreadShared {
  /** Where the thread is (src/runtime/where-cells.ts). */
  where: SharedArrayBuffer;
  /** Int32 [JSON chunks the main thread has written]: the thread waits when it is CHUNKS_AHEAD ahead. */
  flow: SharedArrayBuffer;
}

/** How many JSON chunks (about a megabyte each) may be on their way at once. */
export const CHUNKS_AHEAD = 4;

/**
 * The main thread posts the ThreadInput (its bars' columns transferred) once it has read them;
 * the thread posts "ready" when it has its modules and that input (the time limit starts then), then, when
 * the JSON was asked for, the results JSON in "json" chunks (in order), then one outcome.
 */
export type ThreadMessage = { type: "ready" } | { type: "json"; chunk: string } | ThreadOutcome;

export type ThreadOutcome = { type: "done"; summary: string | null } | { type: "error"; exit: 1 | 2; error: UserError };
