import { Fragment, useMemo, useRef, useState } from "react";
import { ORDER_STATUS } from "../../engine/orders/order-status";
import { usePlayground } from "../../store/store";
import type { OrderRow } from "../../store/run-results";
import { describeOrderType, filledText, orderRowList, type BlotterFilter } from "./blotter-rows";
import { formatCount, formatDate, formatMoney, formatPrice } from "./format";
import { ROW_HEIGHT, rowOffsets, useRowWindow } from "./use-row-window";
import { activateRow } from "./activate-row";
import { noRowsText } from "./no-rows-text";
import { useTickOf } from "../data/price-ticks";
import { isOpenStatus } from "../../engine/orders/order-status";
import type { StopMovedEvent } from "../../store/run-results";
import { StopMovesByOrder } from "./stop-moves-by-order";

const STATUSES = Object.values(ORDER_STATUS);
const HISTORY_LINE = 20;
const historyHeight = (row: OrderRow, moves: readonly StopMovedEvent[]) =>
  9 + HISTORY_LINE * (row.history.length + (movedAfterPlaced(moves) ? 1 : 0) + (row.order.reason ? 1 : 0));

/**
 * A trailing stop's moves as one line of its history: "2024-12-27 → 2024-12-30 StopMoved ×2:
 * stop 239.50 → 253.83", from the stop it was placed with (the engine's first StopMoved, at its
 * acceptance) to where the last move put it; the chart draws each step. Clicking it shows the
 * last move's bar.
 */
function MovesLine({
  moves,
  price,
  onPick,
}: {
  moves: readonly StopMovedEvent[];
  price: (v: number) => string;
  onPick: (dt: number) => void;
}) {
  const placed = moves[0]!;
  const first = moves[1]!;
  const last = moves[moves.length - 1]!;
  const many = moves.length > 2;
  return (
    <li
      className="clickable"
      data-testid="order-stop-moves"
      onClick={(e) => {
        e.stopPropagation();
        onPick(last.dt);
      }}
    >
      <span className="mono">
        {formatDate(first.dt)}
        {many ? ` → ${formatDate(last.dt)}` : ""}
      </span>{" "}
      <span className="event-name">StopMoved{many ? ` ×${moves.length - 1}` : ""}</span>
      {": stop "}
      <span className="mono">
        {price(placed.stop)} → {price(last.stop)}
      </span>
    </li>
  );
}

/** Shares filled so far out of the order's amount while some remain ("57 / 120"), else "120". */
const partOf = (filled: number, amount: number) =>
  Math.abs(filled) < Math.abs(amount)
    ? `${formatCount(Math.abs(filled))} / ${formatCount(Math.abs(amount))}`
    : formatCount(Math.abs(filled));

/** Whether a trailing stop's moves make a line of its history: it moved after it was placed. */
const movedAfterPlaced = (moves: readonly StopMovedEvent[]) => moves.length > 1;

/** An order's transitions; clicking one moves the chart to that bar and highlights the order. */
function History({
  row,
  moves,
  price,
  onPick,
}: {
  row: OrderRow;
  moves: readonly StopMovedEvent[];
  price: (v: number) => string;
  onPick: (dt: number) => void;
}) {
  // The moves' line comes after the transitions up to its first move's bar.
  const movesAt = movedAfterPlaced(moves) ? row.history.filter((h) => h.dt <= moves[1]!.dt).length : -1;
  return (
    <ol className="order-history" data-testid={`order-history-${row.order.id}`}>
      {row.history.map((h, i) => (
        <Fragment key={i}>
          {i === movesAt && <MovesLine moves={moves} price={price} onPick={onPick} />}
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
            {h.filled !== 0 && <span className="muted"> filled {partOf(h.filled, row.order.amount)}</span>}
          </li>
        </Fragment>
      ))}
      {movesAt === row.history.length && <MovesLine moves={moves} price={price} onPick={onPick} />}
      {row.order.reason && <li className="history-reason">{row.order.reason}</li>}
    </ol>
  );
}

export function Blotter() {
  const tickOf = useTickOf();
  const orders = usePlayground((s) => s.results.orders);
  const orderIds = usePlayground((s) => s.results.orderIds);
  const stopMoves = usePlayground((s) => s.results.stopMoves);
  const [movesIndex] = useState(() => new StopMovesByOrder());
  // A new view per batch of moves, so what depends on them (the rows' heights) is worked out again.
  const moves = useMemo(() => {
    const index = movesIndex.update(stopMoves);
    return { of: (id: string) => index.of(id), latest: (id: string) => index.latest(id) };
  }, [movesIndex, stopMoves]);
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
              return ROW_HEIGHT + (expanded.has(row.order.id) ? historyHeight(row, moves.of(row.order.id)) : 0);
            },
      ),
    [rows, expanded, moves],
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
              const tick = tickOf(o.symbol);
              // A live trailing stop stands where its last move put it (its row has the stop of its
              // last status change); a filled one keeps the stop it filled at.
              const trail = isOpenStatus(o.status) ? moves.latest(o.id) : null;
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
                    <td data-testid="order-type">
                      {describeOrderType(trail === null ? o : { ...o, stop: trail }, tick)}
                    </td>
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
                    <tr className="history-row" style={{ height: historyHeight(row, moves.of(o.id)) }}>
                      <td colSpan={12}>
                        <History
                          row={row}
                          moves={moves.of(o.id)}
                          price={(v) => formatPrice(v, tick)}
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
