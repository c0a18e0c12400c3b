import { useMemo, useRef } from "react";
import { usePlayground } from "../../store/store";
import { formatIsoDate, formatMoney, formatPercent, formatPrice } from "./format";
import { rowOffsets, useRowWindow } from "./use-row-window";

const ROW_HEIGHT = 26;
const NO_TRADES: never[] = [];

export function TradesTable() {
  const trades = usePlayground((s) => s.results.final?.trades);
  const running = usePlayground((s) => s.run.status === "running");
  const focus = usePlayground((s) => s.focusChart);
  const setSymbol = usePlayground((s) => s.setChartSymbol);
  const scroller = useRef<HTMLDivElement>(null);
  const count = (trades ?? NO_TRADES).length;
  const offsets = useMemo(() => rowOffsets(count, () => ROW_HEIGHT), [count]);
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
              <th>#</th>
              <th>Symbol</th>
              <th>Side</th>
              <th>Entry</th>
              <th className="num">Entry price</th>
              <th>Exit</th>
              <th className="num">Exit price</th>
              <th className="num">Shares</th>
              <th className="num">P&amp;L</th>
              <th className="num">Return</th>
              <th className="num">Bars</th>
              <th className="num" title="Maximum adverse excursion">
                MAE
              </th>
              <th className="num" title="Maximum favourable excursion">
                MFE
              </th>
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && <tr className="spacer" style={{ height: win.padTop }} aria-hidden />}
            {trades.slice(win.start, win.end).map((t, k) => (
              <tr
                key={win.start + k}
                className="clickable"
                data-testid="trade-row"
                onClick={() => {
                  setSymbol(t.symbol);
                  focus(Date.parse(t.entryDt));
                }}
              >
                <td>{win.start + k + 1}</td>
                <td>{t.symbol}</td>
                <td>{t.side}</td>
                <td className="mono">{formatIsoDate(t.entryDt)}</td>
                <td className="num mono">{formatPrice(t.entryPrice)}</td>
                <td className="mono">{formatIsoDate(t.exitDt)}</td>
                <td className="num mono">{formatPrice(t.exitPrice)}</td>
                <td className="num mono">{Math.abs(t.amount)}</td>
                <td className={`num mono ${t.pnl >= 0 ? "pos" : "neg"}`}>{formatMoney(t.pnl)}</td>
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
