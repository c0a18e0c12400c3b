/// <reference lib="webworker" />
// The CSV import worker: decode, parse with the CLI's parser, post the columns back. Thin by design.
import { parseBarsCsv } from "../engine/data/csv/csv-parser";
import {
  IMPORT_PROTOCOL_VERSION,
  importTransferables,
  type ImportReply,
  type ImportRequest,
} from "../runtime/import-protocol";

const post = (r: ImportReply) => postMessage(r, { transfer: importTransferables(r) });

addEventListener("message", (ev: MessageEvent<ImportRequest>) => {
  const req = ev.data;
  if (req?.type !== "parse" || req.protocolVersion !== IMPORT_PROTOCOL_VERSION || typeof req.text !== "string") return;
  try {
    const { bars, warnings } = parseBarsCsv(req.text, req.name);
    const rows = bars.reduce((n, b) => n + b.time.length, 0);
    post({ type: "parsed", protocolVersion: IMPORT_PROTOCOL_VERSION, id: req.id, bars, warnings, rows });
  } catch (e) {
    post({
      type: "failed",
      protocolVersion: IMPORT_PROTOCOL_VERSION,
      id: req.id,
      message: e instanceof Error ? e.message : String(e),
    });
  }
});
