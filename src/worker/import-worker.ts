/// <reference lib="webworker" />
// The CSV import worker: read a File or Blob (with progress), decode, parse with the CLI's parser,
// post the columns back as moved buffers (and the text only when a share link could carry it).
import { parseBarsCsv } from "../engine/data/csv/csv-parser";
import {
  IMPORT_PROTOCOL_VERSION,
  TEXT_KEPT_BELOW_CHARS,
  importTransferables,
  inSharedMemory,
  type ImportReply,
  type ImportRequest,
} from "../runtime/import-protocol";

const post = (r: ImportReply) => postMessage(r, { transfer: importTransferables(r) });

/** Reads a file in chunks, counting bytes (so a UTF-8 file reaches 100 %), reporting each new whole percent. */
async function readWithProgress(file: Blob, onProgress: (done: number) => void): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  let shown = -1;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    parts.push(decoder.decode(value, { stream: true }));
    done += value.byteLength;
    const pct = Math.floor((done / Math.max(1, file.size)) * 100);
    if (pct !== shown) {
      shown = pct;
      onProgress(done);
    }
  }
  parts.push(decoder.decode());
  return parts.join("");
}

async function handle(req: ImportRequest): Promise<void> {
  const { id } = req;
  const base = { protocolVersion: IMPORT_PROTOCOL_VERSION, id } as const;
  try {
    const text = await readWithProgress(req.file, (done) =>
      post({ type: "progress", ...base, stage: "reading", done, total: req.file.size }),
    );
    const { bars, warnings } = parseBarsCsv(text, req.name, (done, total) =>
      post({ type: "progress", ...base, stage: "parsing", done, total }),
    );
    const rows = bars.reduce((n, b) => n + b.time.length, 0);
    const shared = inSharedMemory(bars);
    // The page keeps the file as a Blob: only a text small enough for a share link comes back.
    const small = text.length < TEXT_KEPT_BELOW_CHARS ? { text } : {};
    post({ type: "parsed", ...base, bars: shared, warnings, rows, ...small });
  } catch (e) {
    post({ type: "failed", ...base, message: e instanceof Error ? e.message : String(e) });
  }
}

addEventListener("message", (ev: MessageEvent<ImportRequest>) => {
  const req = ev.data;
  if (req?.protocolVersion !== IMPORT_PROTOCOL_VERSION || typeof req.id !== "number") return;
  if (req.type === "read" && req.file instanceof Blob) void handle(req);
});
