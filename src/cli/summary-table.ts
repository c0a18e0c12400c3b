import type { ResultsJson, RunSummary } from "../engine/results/results";
import { formatMoney } from "../engine/account/format-money";
import { excerpt } from "../engine/excerpt";
import { fixed } from "../engine/price-text";
import { printable } from "./terminal-text";

// A value past what a double holds (a price near 1e308 held several times over) is Infinity or
// NaN: "—", as on the page and as null in the results JSON.
const counted = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);
const pct = (x: number | null | undefined) => (counted(x) ? `${fixed(x * 100, 2)}%` : "—");
const num = (x: number | null | undefined, d = 2) => (counted(x) ? fixed(x, d) : "—");
const usd = (x: number | null) => {
  const m = counted(x) ? formatMoney(x) : "—";
  return m === "—" ? m : m.startsWith("-") ? `-$${m.slice(1)}` : `$${m}`;
};

/** How many of the last log lines the summary shows. */
export const SUMMARY_LOG_LINES = 10;
/** How much of each the summary shows (the results JSON has them whole): a 10 MB line is not for a terminal. */
const SUMMARY_LINE_CHARS = 500;

/**
 * The human summary: a table of the run's metrics, then `logs` (the last log lines). What the
 * strategy or the data wrote (log lines, symbols) is printed through `printable`, so it cannot
 * forge or overwrite a row of the table.
 */
export function summaryText(r: RunSummary, logs: ResultsJson["logs"]): string {
  const s = r.summary;
  const rows: Array<[string, string]> = [
    ["Strategy", r.run.strategy],
    [
      "Period",
      `${r.run.start?.slice(0, 10)} → ${r.run.end?.slice(0, 10)} (${r.run.bars} bars, ${r.run.symbols.join(" ")})`,
    ],
    ["Starting cash", usd(s.startingCash)],
    ["Ending value", usd(s.endingValue)],
    ["Total return", pct(s.totalReturn)],
    ["CAGR", pct(s.cagr)],
    ["Annual volatility", pct(s.annualVolatility)],
    ["Sharpe", num(s.sharpe)],
    ["Sortino", num(s.sortino)],
    ["Max drawdown", `${pct(s.maxDrawdown)} (${s.maxDrawdownDuration} bars)`],
    ["Calmar", num(s.calmar)],
    ["Exposure", pct(s.exposure)],
    ["Trades", String(s.trades)],
    ["Win rate", pct(s.winRate)],
    ["Profit factor", num(s.profitFactor)],
    ["Gross profit / loss", `${usd(s.grossProfit)} / ${usd(s.grossLoss)}`],
    ["Largest win / loss", `${usd(s.largestWin)} / ${usd(s.largestLoss)}`],
    ["Long / short trades", `${s.long.trades} (${usd(s.long.pnl)}) / ${s.short.trades} (${usd(s.short.pnl)})`],
    ["Longest losing streak", `${s.maxConsecutiveLosses} trades`],
    ["Average bars in trade", num(s.averageBarsInTrade, 1)],
    ["Buy & hold", s.buyAndHoldSymbol ? `${s.buyAndHoldSymbol} ${pct(s.buyAndHoldReturn)}` : "—"],
    ["Commissions", usd(s.commissions)],
    ["Orders / fills", `${s.orders} / ${s.fills}`],
    ["Ambiguous bars", String(s.ambiguousBars)],
    ["Fills hash", r.run.fillsHash],
    ["Elapsed", `${r.run.elapsedMs} ms`],
  ];
  if (s.benchmark)
    rows.push([
      "Benchmark",
      `${s.benchmark} ${pct(s.benchmarkReturn)}, alpha ${num(s.alpha, 3)}, beta ${num(s.beta, 3)}`,
    ]);
  const w = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(w)}  ${printable(v)}`);
  if (logs.length > 0) {
    lines.push("", `Last ${logs.length} log lines:`);
    for (const l of logs)
      lines.push(`  ${l.dt.slice(0, 10)} ${l.level.padEnd(7)} ${printable(excerpt(l.message, SUMMARY_LINE_CHARS))}`);
  }
  return lines.join("\n");
}
