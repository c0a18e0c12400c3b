/**
 * The one protocol between the page and the run worker. Every message is a
 * discriminated union on `type` and carries the protocol version; large arrays travel
 * as transferred Float64Array buffers, in batches.
 */
import type { ResultsJson } from "../engine/results/results";
import type { RunSettings } from "../engine/settings";
import type { SymbolBars } from "../engine/data/symbol-bars";
import { readBarColumns } from "./bar-columns";
import { columnBuffers, columnsProblem, type EventColumns } from "./event-columns";
import { readRowsLazily, ROW_KEYS } from "./results-rows";
import { excerpt } from "./thrown-value";
import type { UserError } from "./user-error";
import { WHERE_BYTES } from "./where-cells";
import { STOP_CELL_BYTES } from "./stop-cell";

/** 2: a batch's events travel as columns (event-columns.ts), not as event objects. */
export const PROTOCOL_VERSION = 2;

/**
 * A CSV file: the bundled sample data (fetched by URL), a user's import as text or as the Blob
 * the page keeps (read and decoded in the worker), or a user's
 * import the page has already parsed (its columns and the parser's warnings), which the worker
 * checks (bar-columns.ts) instead of parsing the text again.
 */
export type DataSource =
  | { name: string; url: string }
  | { name: string; text: string }
  | { name: string; file: Blob }
  | { name: string; bars: SymbolBars[]; warnings: string[] }
  /** An import whose columns went to this worker ahead of the run, in a `prepare` request, under this key. */
  | { name: string; prepared: string };

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
  /** Where the run is, written by the worker (src/runtime/where-cells.ts); only on a cross-origin isolated page. */
  where?: SharedArrayBuffer;
  /** The page's Stop, which the bar loop looks at (src/runtime/stop-cell.ts); only on a cross-origin isolated page. */
  stop?: SharedArrayBuffer;
  /**
   * Send the results' orders, fills and log lines in a `rows` message after `done`, not in it,
   * when the page asks for them (a `RowsRequest`, once it has drawn the finished run).
   */
  rowsLater?: boolean;
};

/**
 * The page asks the worker of a finished run that said `rowsFollow` for the run's rows, once it
 * has drawn the finished run (results-rows.ts): the worker writes them then, not during that draw.
 */
export type RowsRequest = { type: "rows"; protocolVersion: typeof PROTOCOL_VERSION; runId: number };

/** The run id of a well-formed `rows` request, else null (the message is then read as a run request). */
export function readRowsRequest(m: unknown): number | null {
  return isObject(m) && m.type === "rows" && m.protocolVersion === PROTOCOL_VERSION && isCount(m.runId)
    ? m.runId
    : null;
}

/** A bundled file a spare worker reads ahead: its URL, and its name as a run's `DataSource` names it. */
export type PreparedFile = { name: string; url: string };

/**
 * Sent to a spare worker before any run (src/ui/run/spare-run-worker.ts): the bundled files,
 * fetched and parsed now so that a run started later does not wait for them (src/worker/prepared-files.ts).
 * Nothing runs on it.
 */
export type PrepareRequest = {
  type: "prepare";
  protocolVersion: typeof PROTOCOL_VERSION;
  files: PreparedFile[];
  /** Imports already parsed on the page: checked and copied by the spare before any run, not when Run is pressed. */
  imports?: PreparedImport[];
  /** Told (an empty message) once the spare has warmed its compile path up: the benchmarks wait for it. */
  warmed?: MessagePort;
};

/** An import's parsed columns sent ahead; a run's request names it by `key`. */
export interface PreparedImport {
  key: string;
  name: string;
  bars: SymbolBars[];
  warnings: string[];
}

/** A `prepare` request as the worker read it: each import checked, or the problem to answer a run that names it. */
export interface PrepareRead {
  files: PreparedFile[];
  imports: Array<{ key: string; source: DataSource | { problem: string } }>;
  warmed?: { postMessage(m: null): void };
}

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
      /** The batch's events as columns, their buffers transferred (event-columns.ts). */
      events: EventColumns;
      equity: EquityChunk;
      /** The symbol the strategy passed to setBenchmark, or null. */
      benchmark: string | null;
    }
  /**
   * The results JSON without `events` and `equity` (empty): they arrived in the batches. With
   * `rows`, its `orders`, `fills` and `logs` are empty too and travel as JSON bytes, transferred,
   * read on the page when first needed (results-rows.ts). With `rowsFollow` (the request asked
   * `rowsLater`) they are empty and their bytes come in the `rows` message that follows.
   */
  | {
      type: "done";
      protocolVersion: typeof PROTOCOL_VERSION;
      runId: number;
      results: ResultsJson;
      rows?: Uint8Array;
      rowsFollow?: boolean;
    }
  /** The orders, fills and log lines of the run's `done` that said `rowsFollow`, as JSON bytes, transferred. */
  | { type: "rows"; protocolVersion: typeof PROTOCOL_VERSION; runId: number; rows: Uint8Array }
  /** The bar loop saw the page's Stop (stop-cell.ts): every bar it ran was in the batches before this. */
  | { type: "stopped"; protocolVersion: typeof PROTOCOL_VERSION; runId: number }
  | { type: "error"; protocolVersion: typeof PROTOCOL_VERSION; runId: number; error: UserError };

/** Transferable buffers of a message, so big arrays move instead of being copied. */
export function transferablesOf(msg: WorkerMessage): ArrayBuffer[] {
  if (msg.type === "done" || msg.type === "rows") return msg.rows ? [msg.rows.buffer as ArrayBuffer] : [];
  if (msg.type !== "batch") return [];
  const { time, value, cash } = msg.equity;
  return [
    time.buffer as ArrayBuffer,
    value.buffer as ArrayBuffer,
    cash.buffer as ArrayBuffer,
    ...columnBuffers(msg.events),
  ];
}

/**
 * Every error about the protocol itself, from either side, is worded here. `detail` says
 * what was wrong; the user is told the run stopped and what to do.
 */
export function protocolError(detail: string): UserError {
  return {
    kind: "internal",
    message: `the page and the run worker could not understand each other (${excerpt(detail, 160)}): the run was stopped; reload the page if it happens again`,
  };
}

/** A message of the wrong shape: `what` names the first field that is wrong. */
class ShapeError extends Error {}

function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw new ShapeError(what);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const isOptional = (v: unknown, test: (x: unknown) => boolean) => v === undefined || test(v);
const isString = (v: unknown) => typeof v === "string";

function checkEnvelope(m: unknown, types: readonly string[]): asserts m is Record<string, unknown> {
  need(isObject(m), "a message that is not an object");
  need(typeof m.type === "string" && types.includes(m.type), `an unknown message type ${excerpt(String(m.type), 40)}`);
  need(
    m.protocolVersion === PROTOCOL_VERSION,
    `protocol version ${excerpt(String(m.protocolVersion), 20)} where this side speaks ${PROTOCOL_VERSION}`,
  );
  need(isCount(m.runId), "a message without a run id");
}

const USER_ERROR_KINDS: readonly string[] = ["compile", "type", "runtime", "data", "timeout", "internal"];

function checkUserError(e: unknown): void {
  need(isObject(e), "an error without details");
  need(typeof e.kind === "string" && USER_ERROR_KINDS.includes(e.kind), "an error of an unknown kind");
  need(isString(e.message), "an error without a message");
  need(isOptional(e.file, isString) && isOptional(e.hook, isString), "an error with a bad file or hook");
  need(isOptional(e.line, isCount) && isOptional(e.column, isCount), "an error with a bad line or column");
  need(isOptional(e.barTime, isString), "an error with a bad bar time");
}

function checkColumns(c: unknown): void {
  const problem = columnsProblem(c);
  if (problem !== null) throw new ShapeError(problem);
}

function checkEquity(q: unknown): void {
  need(isObject(q) && isCount(q.from), "equity without its first index");
  const { time, value, cash } = q;
  need(
    time instanceof Float64Array && value instanceof Float64Array && cash instanceof Float64Array,
    "equity that is not Float64Arrays",
  );
  need(value.length === time.length && cash.length === time.length, "equity arrays of different lengths");
}

/** The summary's only nested values: the long and the short side's figures, all numbers. */
const SUMMARY_GROUPS = new Set(["long", "short"]);

/** A summary value: a number, null (undefined ratios), or a name (the buy-and-hold symbol). */
function isSummaryScalar(v: unknown): boolean {
  return v === null || typeof v === "number" || typeof v === "string";
}

function checkResults(r: unknown): void {
  need(isObject(r) && r.schemaVersion === 1, "results of an unknown schema");
  need(isObject(r.run) && isCount(r.run.bars) && isString(r.run.fillsHash), "results without their run");
  need(isStrings(r.run.symbols), "results without their symbols");
  need(isObject(r.summary), "results without a summary");
  for (const [k, v] of Object.entries(r.summary))
    need(
      isSummaryScalar(v) ||
        (SUMMARY_GROUPS.has(k) && isObject(v) && Object.values(v).every((x) => x === null || typeof x === "number")),
      "a summary value that is not a number",
    );
  for (const k of ["orders", "fills", "positions", "trades", "logs", "events", "equity"] as const)
    need(Array.isArray(r[k]) && (r[k] as unknown[]).every(isObject), `results whose ${k} is not a list of objects`);
  need(isObject(r.records), "results without records");
}

/**
 * The page's check of what the worker sent: the message, typed, or `{ problem }` naming the
 * first thing wrong. Nothing the worker can send gets past this into the store unchecked.
 */
export function readWorkerMessage(m: unknown): { message: WorkerMessage } | { problem: string } {
  try {
    checkEnvelope(m, ["started", "batch", "done", "rows", "stopped", "error"]);
    switch (m.type) {
      case "started":
        need(isCount(m.totalBars) && isStrings(m.symbols) && isStrings(m.warnings), "a start without its bars");
        break;
      case "batch":
        need(isCount(m.barsDone) && isCount(m.totalBars) && m.barsDone <= m.totalBars, "a batch without its bars");
        checkColumns(m.events);
        checkEquity(m.equity);
        need(m.benchmark === null || isString(m.benchmark), "a batch with a bad benchmark");
        break;
      case "done":
        checkResults(m.results);
        need(m.rows === undefined || m.rows instanceof Uint8Array, "results rows that are not bytes");
        need(
          isOptional(m.rowsFollow, (v) => typeof v === "boolean"),
          "a bad promise of rows to follow",
        );
        need(!(m.rows && m.rowsFollow), "results rows both sent and to follow");
        if (m.rows || m.rowsFollow) {
          const results = m.results as Record<string, unknown[]>;
          need(
            ROW_KEYS.every((k) => results[k]!.length === 0),
            "results rows both as objects and as bytes",
          );
        }
        if (m.rows) {
          readRowsLazily(
            m.results as ResultsJson,
            m.rows,
            (detail) => new Error(protocolError(`the worker sent ${detail}`).message),
          );
        }
        break;
      case "rows":
        need(m.rows instanceof Uint8Array, "results rows that are not bytes");
        break;
      case "stopped":
        break;
      default:
        checkUserError(m.error);
    }
    return { message: m as WorkerMessage };
  } catch (e) {
    if (e instanceof ShapeError) return { problem: `the worker sent ${e.message}` };
    return { problem: "the worker sent a message that cannot be read" };
  }
}

const isSharedBuffer = (v: unknown, bytes: number): boolean =>
  typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer && v.byteLength === bytes;

/** One data source of a request; parsed bars are checked value by value and copied out. */
function readDataSource(d: unknown): DataSource {
  need(isObject(d) && isString(d.name), "a data source without a name");
  const { name, url, text } = d as { name: string; url: unknown; text: unknown };
  if (typeof url === "string") return { name, url };
  if (typeof text === "string") return { name, text };
  if (typeof d.prepared === "string") return { name, prepared: d.prepared };
  if (typeof Blob !== "undefined" && d.file instanceof Blob) return { name, file: d.file };
  need(d.bars !== undefined, "a data source without text");
  need(isStrings(d.warnings), "parsed bars without their warnings");
  const read = readBarColumns(d.bars);
  if ("problem" in read) throw new ShapeError(read.problem);
  return { name, bars: read.bars, warnings: [...(d.warnings as string[])] };
}

/** A well-formed `prepare` request, its imports checked as a run's data is, else null (the message is then read as a run request). */
export function readPrepareRequest(m: unknown): PrepareRead | null {
  if (!isObject(m) || m.type !== "prepare" || m.protocolVersion !== PROTOCOL_VERSION) return null;
  const { files, imports = [], warmed } = m;
  if (!Array.isArray(files) || !files.every((f) => isObject(f) && isString(f.name) && isString(f.url))) return null;
  if (!Array.isArray(imports) || !imports.every((i) => isObject(i) && isString(i.key))) return null;
  if (warmed !== undefined && !(isObject(warmed) && typeof warmed.postMessage === "function")) return null;
  return {
    files: files.map((f: { name: string; url: string }) => ({ name: f.name, url: f.url })),
    imports: imports.map((i: { key: string }) => ({ key: i.key, source: readPreparedImport(i) })),
    ...(warmed ? { warmed: warmed as { postMessage(m: null): void } } : {}),
  };
}

function readPreparedImport(i: unknown): DataSource | { problem: string } {
  try {
    need(isObject(i) && i.bars !== undefined, "a prepared import without bars");
    return readDataSource(i);
  } catch (e) {
    return {
      problem: e instanceof ShapeError ? `the page sent ${e.message}` : "the page sent bars that cannot be read",
    };
  }
}

/** The worker's check of a request: the request, typed, or `{ problem, runId }` to answer with. */
export function readWorkerRequest(m: unknown): { request: WorkerRequest } | { problem: string; runId: number } {
  const runId = isObject(m) && isCount(m.runId) ? m.runId : 0;
  try {
    checkEnvelope(m, ["run"]);
    need(isString(m.source) && isString(m.fileName), "a request without its source");
    need(isObject(m.settings), "a request without settings");
    need(Array.isArray(m.data), "a request without data");
    const data = m.data.map(readDataSource);
    need(isOptional(m.symbols, isStrings), "a request with bad symbols");
    need(
      isOptional(m.where, (v) => isSharedBuffer(v, WHERE_BYTES)),
      "a request with a bad where buffer",
    );
    need(
      isOptional(m.stop, (v) => isSharedBuffer(v, STOP_CELL_BYTES)),
      "a request with a bad stop cell",
    );
    need(
      isOptional(m.rowsLater, (v) => typeof v === "boolean"),
      "a request with a bad rowsLater",
    );
    return { request: { ...(m as WorkerRequest), data } };
  } catch (e) {
    if (e instanceof ShapeError) return { problem: `the page sent ${e.message}`, runId };
    return { problem: "the page sent a request that cannot be read", runId };
  }
}
