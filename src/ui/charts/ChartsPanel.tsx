import type { MouseEventParams, Time } from "lightweight-charts";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { appStoreApi, usePlayground } from "../../store/store";
import { NO_ORDERS } from "../../store/order-table";
import { barsForChart } from "../data/bar-cache";
import { SplitHandle } from "../SplitHandle";
import { useBenchmarkBars, useFrameJob, useTradedSymbols } from "./chart-hooks";
import { SLICE_MS, FrameJobs } from "./frame-jobs";
import { SymbolSwitcher } from "./SymbolSwitcher";
import { barIndexAt, benchmarkValuesOnFrame, EquityOnFrame, equityValuesOnFrame } from "./chart-data";
import { FULL_FRAME, pickFrame, picksCover } from "./equity-lod";
import { whenIdle } from "../run/when-idle";
import { exposeChartDebugApi } from "./chart-debug-api";
import { OrderLayerModel } from "./order-levels";
import { candleText, describeHit, type HoverContext } from "./hover-text";
import { relatedOrders } from "./related-orders";
import { focusRange } from "./focus-range";
import { showHoverCard } from "./hover-card";
import { linkCharts } from "./chart-sync";
import { EquityChartView } from "./equity-chart-view";
import { PriceChartView, RANGE_SETTLE_MS } from "./price-chart-view";
import { filledBarIn } from "./candle-window";
import { dateBound } from "../../engine/settings";
import { ForensicsPanel } from "../forensics/ForensicsPanel";
import { openForensicsAtClick } from "../forensics/forensics-input";
import { exposeForensicsDebugApi } from "../forensics/forensics-debug-api";
import { openForensics } from "../forensics/forensics-store";

/** While a run streams, the equity chart is redrawn at most this often. */
const REDRAW_MS = 250;

/** What the equity chart was last drawn from. */
interface EquityDrawnFor {
  bars: SymbolBars | null;
  startingCash: number;
  benchmark: string | null;
  benchmarkBars: SymbolBars | null;
  done: boolean;
  points: number;
  at?: number;
}
/** A change in any of these redraws the equity chart at once, even while a run streams. */
const EQUITY_INPUTS = ["bars", "startingCash", "benchmark", "benchmarkBars", "done"] as const;

export function ChartsPanel() {
  const theme = usePlayground((s) => s.theme);
  const symbol = usePlayground((s) => s.chartSymbol);
  // Replaced or removed imports change what a symbol's bars are: the chart reloads them.
  const imports = usePlayground((s) => s.imported);
  const fills = usePlayground((s) => s.results.fills);
  const records = usePlayground((s) => s.results.records);
  const orders = usePlayground((s) => s.results.orders);
  const orderIds = usePlayground((s) => s.results.orderIds);
  const orderUpdates = usePlayground((s) => s.results.orderUpdates);
  const stopMoves = usePlayground((s) => s.results.stopMoves);
  const equity = usePlayground((s) => s.results.equity);
  const cash = usePlayground((s) => s.settings.run.cash);
  const startingCash = usePlayground((s) => s.results.final?.summary.startingCash ?? cash);
  const focus = usePlayground((s) => s.chartFocus);
  const benchmark = usePlayground((s) => s.results.benchmark);
  const benchmarkBars = useBenchmarkBars(benchmark);
  const traded = useTradedSymbols();
  const setChartSymbol = usePlayground((s) => s.setChartSymbol);

  const priceEl = useRef<HTMLDivElement>(null);
  const equityEl = useRef<HTMLDivElement>(null);
  const column = useRef<HTMLDivElement>(null);
  const price = useRef<PriceChartView | null>(null);
  const equityView = useRef<EquityChartView | null>(null);
  const [bars, setBars] = useState<SymbolBars | null>(null);
  const [equityShare, setEquityShare] = useState(0.34);
  const onFrame = useRef(new EquityOnFrame());
  const ohlcEl = useRef<HTMLSpanElement>(null);
  const tipEl = useRef<HTMLDivElement>(null);
  const samePolicy = usePlayground((s) => s.results.final?.run.settings.samePolicy ?? s.settings.run.sameBarPolicy);
  const hover = useRef<HoverContext>({ orders: NO_ORDERS, bars: null, samePolicy: "path" });
  useLayoutEffect(() => {
    hover.current = { orders, bars, samePolicy };
  });

  useEffect(() => {
    const p = new PriceChartView(priceEl.current!, appStoreApi().getState().theme);
    const e = new EquityChartView(equityEl.current!, appStoreApi().getState().theme);
    price.current = p;
    equityView.current = e;
    // The OHLC readout follows the bar under the pointer; the card describes the order under it.
    const onMove = (param: MouseEventParams<Time>) => {
      const ctx = hover.current;
      const win = p.window;
      // An aggregated candle (a zoomed-out 200,000-bar symbol) reads as what it aggregates.
      if (ohlcEl.current && ctx.bars && win?.bars === ctx.bars) {
        const k = param.logical === undefined ? -1 : Math.round(param.logical);
        const at = k >= 0 && k < win.first.length ? k : win.first.length - 1;
        ohlcEl.current.textContent = at >= 0 ? candleText(win, at) : "";
      }
      const hit = param.point ? p.orders.hitAt(param.point.x, param.point.y) : null;
      showHoverCard(tipEl.current, hit ? describeHit(hit, ctx) : null, param.point ?? null);
    };
    p.chart.subscribeCrosshairMove(onMove);
    const onClick = (param: MouseEventParams<Time>) => {
      const hit = param.point ? p.orders.hitAt(param.point.x, param.point.y) : null;
      const id = hit?.type === "marker" ? hit.markers[0]!.orderId : hit?.type === "level" ? hit.level.orderId : null;
      p.orders.setHighlight(id ? relatedOrders(hover.current.orders, id) : new Set());
      // A bar with a fill opens its fill forensics; on an aggregated candle, its first bar with a fill.
      const width = priceEl.current?.clientWidth ?? 0;
      const state = appStoreApi().getState();
      const candle = param.logical === undefined ? null : p.candleAt(param.logical);
      const b = hover.current.bars;
      openForensicsAtClick(
        state,
        b,
        candle && b ? filledBarIn(state.results.fills, b, candle.first, candle.count) : undefined,
        param.point?.x ?? 0,
        width,
        openForensics,
      );
    };
    p.chart.subscribeClick(onClick);
    const unlink = linkCharts(
      { chart: p.chart, series: p.candles, element: priceEl.current!, axis: () => p.window?.axis },
      { chart: e.chart, series: e.equity, element: equityEl.current!, axis: () => e.axis },
    );
    return () => {
      p.chart.unsubscribeCrosshairMove(onMove);
      p.chart.unsubscribeClick(onClick);
      unlink();
      p.dispose();
      e.dispose();
      price.current = null;
      equityView.current = null;
    };
  }, []);

  useEffect(() => {
    price.current?.setTheme(theme);
    equityView.current?.setTheme(theme);
  }, [theme]);

  // The view fits the data: a new run's whole period (so the equity curve is seen growing from
  // its start), again when it is done, on a symbol switch or new data, and on the Fit button.
  const fit = useCallback(() => {
    const p = price.current;
    if (!p?.times || p.times.length === 0 || !p.window) return;
    const state = appStoreApi().getState();
    let first = 0;
    let last = p.times.length - 1;
    if (state.run.runId !== 0) {
      const period = state.results.final?.run;
      const { start, end } = state.settings.run;
      const from = period?.start ? Date.parse(period.start) : start ? dateBound(start, "start") : null;
      const to = period?.end ? Date.parse(period.end) : end ? dateBound(end, "end") : null;
      const a = from !== null ? barIndexAt(p.times, from) : 0;
      const b = to !== null ? barIndexAt(p.times, to) : last;
      if (a < b) [first, last] = [a, b];
    }
    // Room at both ends for a marker's label (about 50 px).
    const plotWidth = Math.max(100, (priceEl.current?.clientWidth ?? 700) - 80);
    // More bars than the chart can draw at its narrowest spacing while it holds every bar: the
    // library would keep the range's right end and show mostly the padding after the last bar,
    // an empty chart. The latest bars that fit are shown instead, as a trading chart opens. (A
    // symbol over FULL_FRAME bars is held as a few thousand candles, and fits whole.)
    const minSpacing = p.chart.timeScale().options().minBarSpacing;
    const room = Math.max(2, Math.floor((plotWidth * 0.85) / minSpacing));
    if (p.window.stride === 1 && p.window.first.length === p.times.length && last - first + 1 > room)
      first = last - room + 1;
    const pad = Math.max(3, (50 * (last - first + 1)) / plotWidth);
    p.showFrame(first - pad, last + pad);
    // Only when it is off (the user dragged the axis): new options repaint the whole chart.
    const scale = p.chart.priceScale("right");
    if (!scale.options().autoScale) scale.applyOptions({ autoScale: true });
  }, []);
  const runId = usePlayground((s) => s.run.runId);
  const runDone = usePlayground((s) => s.run.status === "done");
  useEffect(() => {
    if (runId !== 0) fit();
  }, [runId, runDone, fit]);

  // When a run trades, the chart moves to what it traded, once per run: the user may then
  // switch to anything else without being moved back.
  const switchedFor = useRef(0);
  useEffect(() => {
    if (traded.length === 0 || switchedFor.current === runId) return;
    switchedFor.current = runId;
    if (!traded.includes(appStoreApi().getState().chartSymbol)) setChartSymbol(traded[0]!);
  }, [traded, runId, setChartSymbol]);

  useEffect(() => {
    let live = true;
    barsForChart(symbol).then(
      async (b) => {
        if (!live || !(await price.current?.setBars(symbol, b)) || !live) return;
        setBars(b);
        fit();
        // A long symbol's equity arrays, written before a run rather than at its first redraw.
        if (b && b.time.length > FULL_FRAME) whenIdle(() => onFrame.current.prepare(b.time));
        // Until the pointer is over the chart, the readout shows this symbol's latest candle.
        const win = price.current?.window;
        if (ohlcEl.current) ohlcEl.current.textContent = win?.first.length ? candleText(win, win.first.length - 1) : "";
      },
      () => {
        if (!live) return;
        setBars(null);
        if (ohlcEl.current) ohlcEl.current.textContent = "";
      },
    );
    return () => {
      live = false;
    };
  }, [symbol, fit, imports]);

  // The redraws below run one per frame, each in a task of its own (frame-jobs.ts).
  const [jobs] = useState(() => new FrameJobs());
  useEffect(() => () => jobs.clear(), [jobs]);
  // The finished run's last redraws (its last fills, its whole curve): each chart's in one frame.
  useEffect(() => {
    if (runDone) jobs.together();
  }, [runDone, jobs]);
  const model = useRef(new OrderLayerModel());
  const ambiguous = usePlayground((s) => s.results.final?.ambiguous);
  useFrameJob(
    jobs,
    "orders",
    () => {
      const p = price.current;
      if (!p) return;
      const last = equity.length > 0 ? equity.time[equity.length - 1]! : 0;
      const m = model.current;
      const input = { orders, orderIds, orderUpdates, stopMoves, fills, symbol, barTimes: bars?.time ?? null };
      const changed = m.sync({ ...input, lastTime: last }, performance.now() + SLICE_MS);
      if (m.behind) return false;
      const flagsChanged = m.setFlags(ambiguous ?? [], symbol);
      if (changed || flagsChanged) p.setOrders(m.allLevels(), m.markers, m.flags);
    },
    [orders, orderIds, orderUpdates, stopMoves, fills, symbol, bars, equity, ambiguous],
    "price",
  );
  useEffect(() => exposeChartDebugApi(() => ({ model: model.current, view: price.current })), []);
  useEffect(() => exposeForensicsDebugApi(() => hover.current.bars), []);

  useFrameJob(jobs, "records", () => price.current?.setRecords(records), [records, bars], "price");

  const running = usePlayground((s) => s.run.status === "running");
  const drawnFor = useRef<EquityDrawnFor | null>(null);
  const pending = useRef(0);
  const [tick, setTick] = useState(0);
  // Zooming or scrolling the price chart may need the equity drawn at another level of detail.
  useEffect(() => {
    const p = price.current;
    if (!p) return;
    let timer = 0;
    const onRange = () => {
      const picks = equityView.current?.picks;
      const range = p.frameRange();
      if (!picks || picksCover(picks, range, p.times?.length ?? picks.index.length)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setTick((k) => k + 1), RANGE_SETTLE_MS);
    };
    p.chart.timeScale().subscribeVisibleLogicalRangeChange(onRange);
    return () => {
      window.clearTimeout(timer);
      p.chart.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
    };
  }, []);
  useFrameJob(
    jobs,
    "equity",
    () => {
      const view = equityView.current;
      if (!view) return;
      // Before any run there is no curve: no frame either, so the chart holds nothing at all.
      const frame = equity.length > 0 ? (bars?.time ?? null) : null;
      const visible = price.current?.frameRange() ?? null;
      const wanted: EquityDrawnFor = {
        bars,
        startingCash,
        benchmark,
        benchmarkBars,
        done: runDone,
        points: equity.length,
      };
      const last = drawnFor.current;
      const same = last !== null && EQUITY_INPUTS.every((k) => last[k] === wanted[k]);
      const covered = view.picks !== null && picksCover(view.picks, visible, frame ? frame.length : equity.length);
      // A redraw that placed part of its points (a slice, see below) goes on whatever else holds.
      const resuming = frame !== null && onFrame.current.behind;
      if (!resuming && same && last.points === wanted.points && covered) return;
      // While a run streams, the curve is redrawn at most every REDRAW_MS; anything else at once,
      // and the whole curve too, once the bar loop has ended (`done` then finds it drawn).
      const now = performance.now();
      const { barsDone, totalBars } = appStoreApi().getState().run;
      const whole = totalBars > 0 && barsDone === totalBars;
      if (!resuming && same && running && !whole && now - (last.at ?? 0) < REDRAW_MS) {
        if (!pending.current)
          pending.current = window.setTimeout(
            () => {
              pending.current = 0;
              setTick((k) => k + 1);
            },
            REDRAW_MS - (now - (last.at ?? 0)),
          );
        return;
      }
      window.clearTimeout(pending.current);
      pending.current = 0;
      drawnFor.current = { ...wanted, at: now };
      const all = frame ? null : equityValuesOnFrame(equity, equity.drawdown, null);
      const { time, picks } = all
        ? { time: all.time, picks: pickFrame(all.value, all.drawdown, visible) }
        : onFrame.current.picks(equity, frame!, visible, now + SLICE_MS / 2);
      // Points left to place: the next slice goes on after a yield, and only the last one draws.
      if (!all && onFrame.current.behind) return false;
      const bench =
        benchmark && benchmarkBars
          ? { symbol: benchmark, values: benchmarkValuesOnFrame(equity, benchmarkBars, startingCash, frame) }
          : null;
      view.setStartingCash(startingCash);
      const moved = view.draw(picks, time, bench, equity.length, runDone);
      // Points at other bars may shift the equity chart's own range; the price chart's range wins.
      // Set in the same task as the data: the library applies a range set by the API in its next
      // paint, after the data, so the curve is painted once at the right range (set a frame later,
      // it was painted twice). Not needed while the run grows within one view (the same bars drawn).
      const range = moved ? price.current?.frameRange() : null;
      if (range)
        view.chart
          .timeScale()
          .setVisibleLogicalRange({ from: view.axis.fromFrame(range.from), to: view.axis.fromFrame(range.to) });
    },
    [equity, bars, startingCash, benchmark, benchmarkBars, running, runDone, tick],
    "equity",
  );

  useEffect(() => {
    const p = price.current;
    if (!focus || !p?.times || p.times.length === 0) return;
    const i = barIndexAt(p.times, focus.time);
    p.orders.setHighlight(
      focus.orderId ? relatedOrders(appStoreApi().getState().results.orders, focus.orderId) : new Set(),
    );
    // Zoom in to about six months around the bar unless the view is already that close.
    const range = p.frameRange();
    const half = range && range.to - range.from < 250 ? (range.to - range.from) / 2 : 60;
    const shown = focusRange(i, half, p.times.length);
    p.showFrame(shown.from, shown.to);
    // The crosshair is placed once the chart has drawn the new range.
    requestAnimationFrame(() => {
      const data = p.candles.dataByIndex(p.candleIndexOf(i));
      if (data && "close" in data) p.chart.setCrosshairPosition(data.close, data.time, p.candles);
    });
  }, [focus]);

  return (
    <section className="charts" ref={column} aria-label="Charts" style={{ position: "relative" }}>
      <div className="chart-header">
        <SymbolSwitcher traded={traded} />
        <span className="ohlc mono" ref={ohlcEl} data-testid="ohlc" />
        <button className="btn btn-small" data-testid="chart-fit" title="Fit the chart to the data" onClick={fit}>
          Fit
        </button>
        <span className="chart-legend">
          <span className="legend-up">▲ buy</span> <span className="legend-down">▼ sell</span>
        </span>
      </div>
      <ForensicsPanel bars={bars} />
      <div className="chart-box" style={{ flex: `${1 - equityShare} 1 0` }}>
        <div className="chart" ref={priceEl} data-testid="price-chart" />
        <div className="hover-card" ref={tipEl} data-testid="hover-card" hidden />
      </div>
      <SplitHandle
        axis="y"
        label="Resize price and equity charts"
        getSize={() => equityShare}
        onDrag={(d, start) => {
          const h = column.current?.clientHeight ?? 600;
          setEquityShare(Math.min(0.8, Math.max(0.12, start - d / h)));
        }}
      />
      <div className="chart-box" style={{ flex: `${equityShare} 1 0` }}>
        <div className="chart-title">Equity</div>
        {equity.length === 0 && <div className="chart-empty">Press Run to see the equity curve and drawdown.</div>}
        <div className="chart" ref={equityEl} data-testid="equity-chart" />
      </div>
    </section>
  );
}
