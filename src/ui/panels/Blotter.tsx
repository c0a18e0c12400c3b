import { Fragment, useMemo, useRef, useState } from "react";
import { ORDER_STATUS } from "../../engine/orders/order-status";
import { usePlayground } from "../../store/store";
import type { OrderRow } from "../../store/run-results";
import { describeOrderType, filledText, orderRowList, type BlotterFilter } from "./blotter-rows";
import { formatDate, formatMoney, formatPrice } from "./format";
import { ROW_HEIGHT, rowOffsets, useRowWindow } from "./use-row-window";
import { activateRow } from "./activate-row";
import { noRowsText } from "./no-rows-text";
import { useTickOf } from "../data/price-ticks";

const STATUSES = Object.values(ORDER_STATUS);
const HISTORY_LINE = 20;
const historyHeight = (row: OrderRow) => 9 + HISTORY_LINE * (row.history.length + (row.order.reason ? 1 : 0));

/** An order's transitions; clicking one moves the chart to that bar and highlights the order. */
function History({ row, onPick }: { row: OrderRow; onPick: (dt: number) => void }) {
  return (
    <ol className="order-history" data-testid={`order-history-${row.order.id}`}>
      {row.history.map((h, i) => (
        <li
          key={i}
          className="clickable"
          data-testid="order-transition"
          onClick={(e) => {
            e.stopPropagation();
            onPick(h.dt);
          }}
        >
          <span className="mono">{formatDate(h.dt)}</span> <span className="event-name">{h.event}</span> →{" "}
          <span className={`status status-${h.status}`}>{h.status}</span>
          {h.filled !== 0 && <span className="muted"> filled {Math.abs(h.filled)}</span>}
        </li>
      ))}
      {row.order.reason && <li className="history-reason">{row.order.reason}</li>}
    </ol>
  );
}

export function Blotter() {
  const tickOf = useTickOf();
  const orders = usePlayground((s) => s.results.orders);
  const orderIds = usePlayground((s) => s.results.orderIds);
  const symbols = usePlayground((s) => s.results.symbols);
  const runId = usePlayground((s) => s.run.runId);
  const runStatus = usePlayground((s) => s.run.status);
  const focus = usePlayground((s) => s.focusChart);
  const setSymbol = usePlayground((s) => s.setChartSymbol);
  // The filters belong to the run they were set in: a new run starts unfiltered.
  const [chosen, setChosen] = useState<BlotterFilter & { runId: number }>({ status: "", symbol: "", runId });
  const filter = useMemo<BlotterFilter>(
    () => (chosen.runId === runId ? chosen : { status: "", symbol: "" }),
    [chosen, runId],
  );
  const setFilter = (f: BlotterFilter) => setChosen({ ...f, runId });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => orderRowList(orders, orderIds, filter), [orders, orderIds, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const offsets = useMemo(
    () =>
      rowOffsets(
        rows.length,
        expanded.size === 0
          ? () => ROW_HEIGHT
          : (i) => {
              const row = rows.at(i);
              return ROW_HEIGHT + (expanded.has(row.order.id) ? historyHeight(row) : 0);
            },
      ),
    [rows, expanded],
  );
  const win = useRowWindow(scroller, offsets);
  const inView: OrderRow[] = [];
  for (let i = win.start; i < win.end; i++) inView.push(rows.at(i));
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="table-panel" data-testid="blotter">
      <div className="table-filters">
        <label>
          Status{" "}
          <select
            data-testid="blotter-status"
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value })}
          >
            <option value="">all</option>
            <option value="open">open (any live)</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Symbol{" "}
          <select
            data-testid="blotter-symbol"
            value={filter.symbol}
            onChange={(e) => setFilter({ ...filter, symbol: e.target.value })}
          >
            <option value="">all</option>
            {symbols.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="blotter-count">
          {rows.length} of {orderIds.length} orders
        </span>
      </div>
      <div className="table-scroll" ref={scroller}>
        <table className="data-table fixed-rows">
          <thead>
            <tr>
              <th>ID</th>
              <th>Placed</th>
              <th>Symbol</th>
              <th>Side</th>
              <th className="num">Filled / qty</th>
              <th>Type</th>
              <th>TIF</th>
              <th>Status</th>
              <th className="num">Avg price</th>
              <th className="num">Commission</th>
              <th>Updated</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && <tr className="spacer" style={{ height: win.padTop }} aria-hidden />}
            {/* Rows are keyed by their place in the window: while a run streams, new orders push every
                row down on each batch, and rows kept in place get new text instead of the table being
                built again from new rows (hundreds of elements per batch). */}
            {inView.map((row, place) => {
              const o = row.order;
              const open = expanded.has(o.id);
              return (
                <Fragment key={place}>
                  <tr
                    className={`clickable ${open ? "expanded" : ""}`}
                    data-testid={`order-row-${o.id}`}
                    data-status={o.status}
                    {...activateRow(() => {
                      toggle(o.id);
                      setSymbol(o.symbol);
                      focus(o.createdAt, o.id);
                    })}
                    aria-expanded={open}
                  >
                    <td className="mono">
                      {open ? "▾" : "▸"} {o.id}
                    </td>
                    <td className="mono">{formatDate(o.createdAt)}</td>
                    <td>{o.symbol}</td>
                    <td className={o.amount > 0 ? "side-buy" : "side-sell"}>{o.amount > 0 ? "BUY" : "SELL"}</td>
                    <td className="num mono" data-testid="order-filled">
                      {filledText(o)}
                    </td>
                    <td>{describeOrderType(o, tickOf(o.symbol))}</td>
                    <td>{o.tif}</td>
                    <td>
                      <span className={`status status-${o.status}`} data-testid="order-status">
                        {o.status}
                      </span>
                    </td>
                    <td className="num mono">{formatPrice(o.avgFillPrice, tickOf(o.symbol))}</td>
                    <td className="num mono">{o.commission ? formatMoney(o.commission) : ""}</td>
                    <td className="mono">{formatDate(o.updatedAt)}</td>
                    <td className="reason" data-testid="order-reason" title={o.reason ?? undefined}>
                      {o.reason ?? ""}
                    </td>
                  </tr>
                  {open && (
                    <tr className="history-row" style={{ height: historyHeight(row) }}>
                      <td colSpan={12}>
                        <History
                          row={row}
                          onPick={(dt) => {
                            setSymbol(o.symbol);
                            focus(dt, o.id);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
            {win.padBottom > 0 && <tr className="spacer" style={{ height: win.padBottom }} aria-hidden />}
          </tbody>
        </table>
        {orderIds.length === 0 && (
          <p className="empty" data-testid="no-orders">
            {noRowsText(runStatus, "orders")}
          </p>
        )}
      </div>
    </div>
  );
}
