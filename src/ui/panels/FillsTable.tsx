import { useMemo, useRef } from "react";
import { orderLabel } from "../../engine/orders/order-label";
import { usePlayground } from "../../store/store";
import { formatDate, formatMoney, formatPrice } from "./format";
import { ROW_HEIGHT, rowOffsets, useRowWindow } from "./use-row-window";
import { activateRow } from "./activate-row";
import { noRowsText } from "./no-rows-text";
import { useTickOf } from "../data/price-ticks";
import { openForensics } from "../forensics/forensics-store";

function reasonOf(o: { role: string | null; type: Parameters<typeof orderLabel>[0]["type"] } | undefined): string {
  return o ? orderLabel(o) : "";
}

export function FillsTable() {
  const tickOf = useTickOf();
  const fills = usePlayground((s) => s.results.fills);
  const orders = usePlayground((s) => s.results.orders);
  const runStatus = usePlayground((s) => s.run.status);
  const focus = usePlayground((s) => s.focusChart);
  const setSymbol = usePlayground((s) => s.setChartSymbol);
  const scroller = useRef<HTMLDivElement>(null);
  const offsets = useMemo(() => rowOffsets(fills.length, () => ROW_HEIGHT), [fills.length]);
  const win = useRowWindow(scroller, offsets);
  return (
    <div className="table-panel" data-testid="fills">
      <div className="table-scroll" ref={scroller}>
        <table className="data-table fixed-rows">
          <thead>
            <tr>
              <th>Time</th>
              <th>Order</th>
              <th>Symbol</th>
              <th>Side</th>
              <th className="num">Shares</th>
              <th className="num">Price</th>
              <th className="num">Notional</th>
              <th className="num">Commission</th>
              <th title="What the order was: entry, SL, TP, trail, OCO leg, stop, limit or signal">Role</th>
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && <tr className="spacer" style={{ height: win.padTop }} aria-hidden />}
            {fills.slice(win.start, win.end).map((f, k) => (
              <tr
                key={win.start + k}
                className="clickable"
                data-testid="fill-row"
                data-order-id={f.orderId}
                {...activateRow(() => {
                  setSymbol(f.symbol);
                  focus(f.dt, f.orderId);
                  // The chart centres the bar: the forensics panel takes the left half.
                  openForensics({ symbol: f.symbol, dt: f.dt, side: "left" });
                })}
              >
                <td className="mono">{formatDate(f.dt)}</td>
                <td className="mono">{f.orderId}</td>
                <td>{f.symbol}</td>
                <td className={f.amount > 0 ? "side-buy" : "side-sell"}>{f.amount > 0 ? "BUY" : "SELL"}</td>
                <td className="num mono">{Math.abs(f.amount)}</td>
                <td className="num mono">{formatPrice(f.price, tickOf(f.symbol))}</td>
                <td className="num mono">{formatMoney(Math.abs(f.amount * f.price))}</td>
                <td className="num mono">{formatMoney(f.commission)}</td>
                <td className="exit-reason" data-testid="fill-reason">
                  {reasonOf(orders.get(f.orderId)?.order)}
                </td>
              </tr>
            ))}
            {win.padBottom > 0 && <tr className="spacer" style={{ height: win.padBottom }} aria-hidden />}
          </tbody>
        </table>
        {fills.length === 0 && (
          <p className="empty" data-testid="no-fills">
            {noRowsText(runStatus, "fills")}
          </p>
        )}
      </div>
    </div>
  );
}
