import type { EngineEvent } from "../../engine/events";
import { eventJson, type ResultsJson, viewEquityColumns } from "../../engine/results/results";
import { writeResultsJson } from "../../engine/results/results-writer";
import type { EquityBuffer } from "../../store/series-buffer";

/**
 * One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180). Text that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows
 * it instead of evaluating it as a formula (a symbol comes from an imported file, which anyone
 * may have written); numbers stay numbers.
 */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The trades of a run as CSV: one row per trade, the results JSON's trade fields as columns. */
export function tradesCsv(results: ResultsJson): string {
  const trades = results.trades as readonly Record<string, unknown>[];
  const columns =
    trades.length > 0
      ? Object.keys(trades[0])
      : ["symbol", "side", "entryDt", "entryPrice", "exitDt", "exitPrice", "amount", "pnl", "returnPct", "bars"];
  return [columns.join(","), ...trades.map((t) => columns.map((c) => cell(t[c])).join(","))].join("\n") + "\n";
}

/**
 * The full results JSON of the CLI's schema, the final message with the streamed events and
 * equity put back, as UTF-8 chunks of about a megabyte for a Blob: written by the results writer
 * the CLI uses (the same bytes as JSON.stringify(…, null, 2) and a line end), the equity rows
 * straight from the page's buffers, never a point object each nor the text as one string.
 */
export function fullResultsJson(
  results: ResultsJson,
  events: readonly EngineEvent[],
  equity: EquityBuffer,
): Uint8Array<ArrayBuffer>[] {
  const full = { ...results, events: events.map(eventJson) };
  const n = equity.length;
  viewEquityColumns(full, equity.time.subarray(0, n), equity.value.subarray(0, n), equity.cash.subarray(0, n));
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  writeResultsJson(full, (c) => chunks.push(c.slice()), { pretty: true }); // the writer reuses its buffer
  chunks.push(new Uint8Array([0x0a]));
  return chunks;
}

/** Saves text as a file through a download link. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a strategy name: "Mean Reversion" -> "mean-reversion". */
export function fileStem(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "strategy"
  );
}

/**
 * The price and equity charts as one PNG: every canvas lightweight-charts drew, laid where it
 * sits on the page (what its takeScreenshot does for one chart), over the panel's background.
 */
export function chartsPng(root: HTMLElement): Promise<Blob> {
  const box = root.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement("canvas");
  out.width = Math.round(box.width * ratio);
  out.height = Math.round(box.height * ratio);
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue("--bg").trim() || "#131722";
  ctx.fillRect(0, 0, out.width, out.height);
  for (const c of root.querySelectorAll("canvas")) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    ctx.drawImage(c, (r.left - box.left) * ratio, (r.top - box.top) * ratio, r.width * ratio, r.height * ratio);
  }
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error("no PNG"))), "image/png"),
  );
}
