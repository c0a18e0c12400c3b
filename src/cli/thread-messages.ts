/**
 * What the CLI's main thread and its strategy thread (run-worker-thread.ts) say to each other,
 * and the shared "where am I" cells the strategy thread writes as it goes, so the main thread
 * can name the hook and bar after a timeout or an out-of-memory, when the thread cannot speak.
 */
import type { SymbolBars } from "../engine/data/symbol-bars";
import type { RunSettings } from "../engine/settings";
import { CHUNK_BYTES } from "../engine/results/json-bytes";
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
  /** CHUNKS_AHEAD slots of JSON_SLOT_BYTES: chunk k of the results JSON is in slot k % CHUNKS_AHEAD. */
  jsonSlots: SharedArrayBuffer | null;
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
 * A slot holds a chunk of up to this many bytes (a chunk ends within one value past CHUNK_BYTES);
 * a larger one (one that ends in a log line of many kilobytes) travels in its message.
 */
export const JSON_SLOT_BYTES = CHUNK_BYTES + (1 << 16);

/**
 * The main thread posts the ThreadInput (its bars' columns transferred) once it has read them;
 * the thread posts "ready" when it has its modules and that input (the time limit starts then), then, when
 * the JSON was asked for, the results JSON in "json" chunks of UTF-8, in order: `length` bytes in
 * slot `slot` of `jsonSlots` (no copy made per chunk, no garbage), or `chunk` itself when it does
 * not fit a slot; then one outcome.
 */
export type ThreadMessage =
  { type: "ready" } | { type: "json"; slot: number; length: number; chunk?: Uint8Array } | ThreadOutcome;

export type ThreadOutcome = { type: "done"; summary: string | null } | { type: "error"; exit: 1 | 2; error: UserError };
