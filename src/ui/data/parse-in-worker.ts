import type { SymbolBars } from "../../engine/data/symbol-bars";
import { IMPORT_PROTOCOL_VERSION, isImportReply, type ImportRequest } from "../../runtime/import-protocol";

export interface ParsedImport {
  bars: SymbolBars[];
  warnings: string[];
  rows: number;
}

/** A parse that failed: the parser's message, with file, line and column. */
export class ImportParseError extends Error {}

interface Pending {
  resolve(p: ParsedImport & { text?: string }): void;
  reject(e: Error): void;
  onProgress?(stage: "reading" | "parsing", done: number, total: number): void;
}

let worker: Worker | null = null;
/** The idle callback that will start the worker ahead of the first import, if one is asked for. */
let idle: number | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function importWorker(): Worker {
  if (idle !== null) cancelIdleCallback(idle);
  idle = null;
  if (worker) return worker;
  const w = new Worker(new URL("../../worker/import-worker.ts", import.meta.url), {
    type: "module",
    name: "csv-import",
  });
  w.onmessage = (ev: MessageEvent<unknown>) => {
    const r = ev.data;
    if (!isImportReply(r)) return;
    const p = pending.get(r.id);
    if (!p) return;
    if (r.type === "progress") return p.onProgress?.(r.stage, r.done, r.total);
    pending.delete(r.id);
    if (r.type === "parsed") p.resolve({ bars: r.bars, warnings: r.warnings, rows: r.rows, text: r.text });
    else p.reject(new ImportParseError(r.message));
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    for (const p of pending.values())
      p.reject(new Error(`the import worker failed: ${ev.message || "it could not start"}`));
    pending.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/**
 * Starts the import worker when the page is next idle (at once where the browser cannot say), so
 * that choosing a file does not wait for the worker to load its code: that took 0.15–0.3 s of
 * the import on a busy machine, and creating it was part of the task that took the file. It holds
 * nothing until a file comes.
 */
export function prepareImportWorker(): void {
  if (worker || idle !== null) return;
  if (typeof requestIdleCallback === "function") idle = requestIdleCallback(() => importWorker(), { timeout: 3000 });
  else importWorker();
}

function ask(req: ImportRequest, p: Pending): void {
  pending.set(req.id, p);
  importWorker().postMessage(req);
}

/**
 * Reads, decodes and parses a file (the File the user chose, or a stored Blob) in the import
 * worker: the page only hands over the handle and never holds a big text. Progress in bytes as it
 * reads and in rows as it parses, then the columns (moved buffers), and the text only when it is
 * short enough for a share link (TEXT_KEPT_BELOW_CHARS).
 */
export function readCsvInWorker(
  name: string,
  file: Blob,
  onProgress?: (stage: "reading" | "parsing", done: number, total: number) => void,
): Promise<ParsedImport & { text?: string }> {
  const id = ++nextId;
  return new Promise((resolve, reject) =>
    ask({ type: "read", protocolVersion: IMPORT_PROTOCOL_VERSION, id, name, file }, { resolve, reject, onProgress }),
  );
}
