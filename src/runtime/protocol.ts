/**
 * The one protocol between the page and the run worker. Every message is a
 * discriminated union on `type` and carries the protocol version; large arrays travel
 * as transferred Float64Array buffers, in batches.
 */
import type { EngineEvent } from "../engine/events";
import type { ResultsJson } from "../engine/results/results";
import type { RunSettings } from "../engine/settings";
import type { UserError } from "./user-error";

export const PROTOCOL_VERSION = 1;

/** A CSV file as text: the bundled sample data (fetched by URL) or a user's import. */
export type DataSource = { name: string; url: string } | { name: string; text: string };

export type WorkerRequest = {
  type: "run";
  protocolVersion: typeof PROTOCOL_VERSION;
  runId: number;
  source: string;
  fileName: string;
  settings: RunSettings;
  data: DataSource[];
  /** Only these symbols (all loaded when empty or absent). */
  symbols?: string[];
};

/** Equity points of a range of bars: parallel arrays, transferred. */
export interface EquityChunk {
  /** Timeline index of the first point. */
  from: number;
  time: Float64Array;
  value: Float64Array;
  cash: Float64Array;
}

export type WorkerMessage =
  | {
      type: "started";
      protocolVersion: typeof PROTOCOL_VERSION;
      runId: number;
      totalBars: number;
      symbols: string[];
      warnings: string[];
    }
  | {
      type: "batch";
      protocolVersion: typeof PROTOCOL_VERSION;
      runId: number;
      barsDone: number;
      totalBars: number;
      events: EngineEvent[];
      equity: EquityChunk;
      /** The symbol the strategy passed to setBenchmark, or null. */
      benchmark: string | null;
    }
  /** The results JSON without `events` and `equity` (empty): they arrived in the batches. */
  | { type: "done"; protocolVersion: typeof PROTOCOL_VERSION; runId: number; results: ResultsJson }
  | { type: "error"; protocolVersion: typeof PROTOCOL_VERSION; runId: number; error: UserError };

/** Transferable buffers of a message, so big arrays move instead of being copied. */
export function transferablesOf(msg: WorkerMessage): ArrayBuffer[] {
  if (msg.type !== "batch") return [];
  const { time, value, cash } = msg.equity;
  return [time.buffer as ArrayBuffer, value.buffer as ArrayBuffer, cash.buffer as ArrayBuffer];
}
