import { useMemo, useRef } from "react";
import type { ResultsJson } from "../../engine/results/results-schema";
import { usePlayground } from "../../store/store";
import { formatIsoDate, formatMoney, formatPercent, formatPrice } from "./format";
import { SortHeader } from "./SortHeader";
import { sortRows, useSort } from "./sort-rows";
import { ROW_HEIGHT, rowOffsets, useRowWindow } from "./use-row-window";
import { activateRow } from "./activate-row";
import { useTickOf } from "../data/price-ticks";

type Trade = ResultsJson["trades"][number];
/** A trade with its place in exit order and the running P&L up to it. */
interface TradeRow {
  n: number;
  t: Trade;
  cum: number;
}

type Key =
  | "n"
  | "symbol"
  | "side"
  | "entryDt"
  | "entryPrice"
  | "exitDt"
  | "exitPrice"
  | "exitReason"
  | "amount"
  | "pnl"
  | "cum"
  | "returnPct"
  | "bars"
  | "mae"
  | "mfe";

const COLUMNS: Array<{ key: Key; label: string; num?: boolean; title?: string }> = [
  { key: "n", label: "#" },
  { key: "symbol", label: "Symbol" },
  { key: "side", label: "Side" },
  { key: "entryDt", label: "Entry" },
  { key: "entryPrice", label: "Entry price", num: true },
  { key: "exitDt", label: "Exit" },
  { key: "exitPrice", label: "Exit price", num: true },
  {
    key: "exitReason",
    label: "Exit reason",
    title: "The order that closed the trade: SL, TP, trail, OCO leg, stop, limit or signal",
  },
  { key: "amount", label: "Shares", num: true },
  { key: "pnl", label: "P&L", num: true },
  { key: "cum", label: "Cum. P&L", num: true, title: "Running sum of P&L in exit order" },
  { key: "returnPct", label: "Return", num: true },
  { key: "bars", label: "Bars", num: true },
  { key: "mae", label: "MAE", num: true, title: "Maximum adverse excursion" },
  { key: "mfe", label: "MFE", num: true, title: "Maximum favourable excursion" },
];

function valueOf(r: TradeRow, key: Key): number | string {
  if (key === "n") return r.n;
  if (key === "cum") return r.cum;
  const v = r.t[key];
  return key === "amount" ? Math.abs(v as number) : v;
}

export function TradesTable() {
  const tickOf = useTickOf();
  const trades = usePlayground((s) => s.results.final?.trades);
  const running = usePlayground((s) => s.run.status === "running");
  const focus = usePlayground((s) => s.focusChart);
  const setSymbol = usePlayground((s) => s.setChartSymbol);
  const scroller = useRef<HTMLDivElement>(null);
  const [sort, onSort] = useSort<Key>();
  const rows = useMemo(() => {
    const all: TradeRow[] = [];
    for (const t of trades ?? []) all.push({ n: all.length + 1, t, cum: (all.at(-1)?.cum ?? 0) + t.pnl });
    return sortRows(all, sort, valueOf);
  }, [trades, sort]);
  const offsets = useMemo(() => rowOffsets(rows.length, () => ROW_HEIGHT), [rows.length]);
  const win = useRowWindow(scroller, offsets);
  if (!trades) {
    return (
      <p className="empty">{running ? "Round trips appear when the run is done." : "No results yet. Press Run."}</p>
    );
  }
  return (
    <div className="table-panel" data-testid="trades">
      <div className="table-scroll" ref={scroller}>
        <table className="data-table fixed-rows">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader
                  key={c.key}
                  id={c.key}
                  label={c.label}
                  num={c.num}
                  title={c.title}
                  sort={sort}
                  onSort={onSort}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && <tr className="spacer" style={{ height: win.padTop }} aria-hidden />}
            {rows.slice(win.start, win.end).map(({ n, t, cum }) => (
              <tr
                key={n}
                className="clickable"
                data-testid="trade-row"
                data-order-id={t.entryOrderId}
                {...activateRow(() => {
                  setSymbol(t.symbol);
                  focus(Date.parse(t.entryDt), t.entryOrderId);
                })}
              >
                <td>{n}</td>
                <td>{t.symbol}</td>
                <td>{t.side}</td>
                <td className="mono">{formatIsoDate(t.entryDt)}</td>
                <td className="num mono">{formatPrice(t.entryPrice, tickOf(t.symbol))}</td>
                <td className="mono">{formatIsoDate(t.exitDt)}</td>
                <td className="num mono">{formatPrice(t.exitPrice, tickOf(t.symbol))}</td>
                <td className="exit-reason" data-testid="exit-reason">
                  {t.exitReason}
                </td>
                <td className="num mono">{Math.abs(t.amount)}</td>
                <td className={`num mono ${t.pnl >= 0 ? "pos" : "neg"}`}>{formatMoney(t.pnl)}</td>
                <td className={`num mono ${cum >= 0 ? "pos" : "neg"}`}>{formatMoney(cum)}</td>
                <td className={`num mono ${t.returnPct >= 0 ? "pos" : "neg"}`}>{formatPercent(t.returnPct)}</td>
                <td className="num mono">{t.bars}</td>
                <td className="num mono neg">{formatMoney(t.mae)}</td>
                <td className="num mono pos">{formatMoney(t.mfe)}</td>
              </tr>
            ))}
            {win.padBottom > 0 && <tr className="spacer" style={{ height: win.padBottom }} aria-hidden />}
          </tbody>
        </table>
        {trades.length === 0 && (
          <p className="empty">No closed round trips (open positions are not trades until they close).</p>
        )}
      </div>
    </div>
  );
}
