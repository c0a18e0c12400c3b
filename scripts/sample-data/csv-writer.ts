import { formatCents } from "./cents";
import type { DailyBar } from "./daily-bars";
import type { MinuteBar } from "./intraday-bars";

// "\n" endings and a final newline on every platform, so the bytes never depend on the OS.
function csv(header: string, rows: readonly string[]): string {
  return `${header}\n${rows.join("\n")}\n`;
}

export function dailyCsv(bars: readonly DailyBar[]): string {
  const rows = bars.map(
    (bar) =>
      `${bar.date},${formatCents(bar.open)},${formatCents(bar.high)},${formatCents(bar.low)},${formatCents(bar.close)},${bar.volume}`,
  );
  return csv("date,open,high,low,close,volume", rows);
}

export function minuteCsv(bars: readonly MinuteBar[]): string {
  const rows = bars.map(
    (bar) =>
      `${bar.datetime},${formatCents(bar.open)},${formatCents(bar.high)},${formatCents(bar.low)},${formatCents(bar.close)},${bar.volume}`,
  );
  return csv("datetime,open,high,low,close,volume", rows);
}
