import { fixed, formatPrice } from "../../engine/price-text";
import type { ResultsJson } from "../../engine/results/results-schema";

export type TradeRow = ResultsJson["trades"][number];

/** A trade of the shown run and its counterpart under another policy (null: it has none). */
export interface TradeChange {
  symbol: string;
  side: "long" | "short";
  entryDt: string;
  before: TradeRow | null;
  after: TradeRow | null;
  /** What differs, in words: "exit 2024-01-03 → 2024-01-05", "P&L -50.00 → +50.00"… */
  what: string[];
}

const cents = (x: number) => Math.round(x * 100);
const signed = (x: number) => (x >= 0 ? "+" : "") + fixed(x, 2);
const day = (iso: string) => iso.slice(0, 10);

/** Trades are the same trade when they open on the same symbol, side and time (the nth such, in order). */
function keyed(trades: readonly TradeRow[]): Map<string, TradeRow> {
  const out = new Map<string, TradeRow>();
  for (const t of trades) {
    const base = `${t.symbol}|${t.side}|${t.entryDt}`;
    let n = 0;
    while (out.has(`${base}|${n}`)) n++;
    out.set(`${base}|${n}`, t);
  }
  return out;
}

/** A symbol's tick, for its prices' decimals (undefined: not known). */
export type TickOf = (symbol: string) => number | undefined;

function differences(a: TradeRow, b: TradeRow, tick: number | undefined): string[] {
  const what: string[] = [];
  // Prices differ when they read differently in the symbol's decimals (EURUSD 1.07346 → 1.07351).
  const px = (x: number) => formatPrice(x, tick);
  if (a.amount !== b.amount) what.push(`shares ${a.amount} → ${b.amount}`);
  if (px(a.entryPrice) !== px(b.entryPrice)) what.push(`entry ${px(a.entryPrice)} → ${px(b.entryPrice)}`);
  if (a.exitDt !== b.exitDt) what.push(`exit ${day(a.exitDt)} → ${day(b.exitDt)}`);
  if (px(a.exitPrice) !== px(b.exitPrice)) what.push(`exit price ${px(a.exitPrice)} → ${px(b.exitPrice)}`);
  if (a.exitReason !== b.exitReason) what.push(`${a.exitReason} → ${b.exitReason}`);
  if (cents(a.pnl) !== cents(b.pnl)) what.push(`P&L ${signed(a.pnl)} → ${signed(b.pnl)}`);
  return what;
}

/**
 * The trades that differ between two runs, in time order: changed (same entry, another exit,
 * price or P&L), gone (only before) and new (only after). Empty: no trade changes.
 */
export function tradeChanges(
  before: readonly TradeRow[],
  after: readonly TradeRow[],
  tickOf: TickOf = () => undefined,
): TradeChange[] {
  const a = keyed(before);
  const b = keyed(after);
  const out: TradeChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? null;
    const y = b.get(key) ?? null;
    const what = x && y ? differences(x, y, tickOf(x.symbol)) : x ? ["no such trade"] : ["a new trade"];
    if (what.length === 0) continue;
    const t = (x ?? y)!;
    out.push({ symbol: t.symbol, side: t.side, entryDt: t.entryDt, before: x, after: y, what });
  }
  return out.sort((p, q) => (p.entryDt < q.entryDt ? -1 : p.entryDt > q.entryDt ? 1 : 0));
}

/** Total P&L of the trades, to compare the runs in one number. */
export function totalPnl(trades: readonly TradeRow[]): number {
  return trades.reduce((s, t) => s + t.pnl, 0);
}
