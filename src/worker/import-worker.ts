/// <reference lib="webworker" />
// The CSV import worker: read a File or Blob and parse it (readImportedCsv, with progress) into
// columns in shared memory where the page is isolated (importColumns), post them back (else moved).
import {
  IMPORT_PROTOCOL_VERSION,
  importColumns,
  importTransferables,
  type ImportReply,
  type ImportRequest,
} from "../runtime/import-protocol";
import { readImportedCsv } from "../runtime/read-imported-csv";

const post = (r: ImportReply) => postMessage(r, { transfer: importTransferables(r) });

async function handle(req: ImportRequest): Promise<void> {
  const base = { protocolVersion: IMPORT_PROTOCOL_VERSION, id: req.id } as const;
  try {
    const parsed = await readImportedCsv(
      req.file,
      req.name,
      (stage, done, total) => post({ type: "progress", ...base, stage, done, total }),
      importColumns(),
    );
    post({ type: "parsed", ...base, ...parsed });
  } catch (e) {
    post({ type: "failed", ...base, message: e instanceof Error ? e.message : String(e) });
  }
}

addEventListener("message", (ev: MessageEvent<ImportRequest>) => {
  const req = ev.data;
  if (req?.protocolVersion !== IMPORT_PROTOCOL_VERSION || typeof req.id !== "number") return;
  if (req.type === "read" && req.file instanceof Blob) void handle(req);
});
