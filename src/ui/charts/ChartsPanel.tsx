import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { drawdownOf } from "../../store/series-buffer";
import { appStoreApi, usePlayground } from "../../store/store";
import { barsForChart } from "../data/bar-cache";
import { SAMPLE_SYMBOLS } from "../data/sample-data";
import { SplitHandle } from "../SplitHandle";
import { barIndexAt, benchmarkOnFrame, equityOnFrame, fillMarkers, levelLines } from "./chart-data";
import { linkCharts } from "./chart-sync";
import { EquityChartView } from "./equity-chart-view";
import { PriceChartView } from "./price-chart-view";

/** Redraws at most once per animation frame, however fast batches arrive. */
function useFrameThrottled(effect: () => void, deps: unknown[]): void {
  const frame = useRef(0);
  const latest = useRef(effect);
  useLayoutEffect(() => {
    latest.current = effect;
  });
  useEffect(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      latest.current();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      // React may mount again (StrictMode does): the next change must schedule afresh.
      frame.current = 0;
    },
    [],
  );
}

/** Symbols the run placed orders in, in order of their first order. */
function useTradedSymbols(): string[] {
  const orders = usePlayground((s) => s.results.orders);
  const orderIds = usePlayground((s) => s.results.orderIds);
  return useMemo(() => {
    const seen = new Set<string>();
    for (const id of orderIds) {
      const sym = orders[id]?.order.symbol;
      if (sym) seen.add(sym);
    }
    return [...seen];
  }, [orders, orderIds]);
}

/**
 * The benchmark's bars, through the same cache as the price chart's (it may be another
 * symbol than the one shown). Null without a benchmark or while they load.
 */
function useBenchmarkBars(symbol: string | null): SymbolBars | null {
  const [bars, setBars] = useState<SymbolBars | null>(null);
  useEffect(() => {
    if (!symbol) return;
    let live = true;
    barsForChart(symbol).then(
      (b) => live && setBars(b),
      () => live && setBars(null),
    );
    return () => {
      live = false;
    };
  }, [symbol]);
  return bars?.symbol === symbol ? bars : null;
}

/** The switcher offers the symbols the run traded first, then the rest of the data. */
function SymbolSwitcher({ traded }: { traded: string[] }) {
  const symbol = usePlayground((s) => s.chartSymbol);
  const setSymbol = usePlayground((s) => s.setChartSymbol);
  const runSymbols = usePlayground((s) => s.results.symbols);
  const imported = usePlayground((s) => s.imported);
  const others = useMemo(() => {
    const all = runSymbols.length > 0 ? runSymbols : [...SAMPLE_SYMBOLS, ...imported.flatMap((c) => c.symbols)];
    return [...new Set(all)].filter((s) => !traded.includes(s));
  }, [runSymbols, imported, traded]);
  const known = traded.includes(symbol) || others.includes(symbol);
  return (
    <label className="symbol-switcher">
      <span className="sr-only">Symbol</span>
      <select data-testid="symbol-switcher" value={symbol} onChange={(e) => setSymbol(e.target.value)}>
        {!known && <option value={symbol}>{symbol}</option>}
        {traded.length > 0 && (
          <optgroup label="Traded">
            {traded.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={traded.length > 0 ? "Other data" : "Data"}>
          {others.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

export function ChartsPanel() {
  const theme = usePlayground((s) => s.theme);
  const symbol = usePlayground((s) => s.chartSymbol);
  const fills = usePlayground((s) => s.results.fills);
  const records = usePlayground((s) => s.results.records);
  const orders = usePlayground((s) => s.results.orders);
  const orderIds = usePlayground((s) => s.results.orderIds);
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

  useEffect(() => {
    const p = new PriceChartView(priceEl.current!, appStoreApi().getState().theme);
    const e = new EquityChartView(equityEl.current!, appStoreApi().getState().theme);
    price.current = p;
    equityView.current = e;
    const unlink = linkCharts(
      { chart: p.chart, series: p.candles, element: priceEl.current! },
      { chart: e.chart, series: e.equity, element: equityEl.current! },
    );
    return () => {
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

  // A new run shows its whole period, so the equity curve is seen growing from its start.
  const runId = usePlayground((s) => s.run.runId);
  useEffect(() => {
    const p = price.current;
    if (runId === 0 || !p?.times || p.times.length === 0) return;
    const { start, end } = appStoreApi().getState().settings.run;
    const first = start ? barIndexAt(p.times, Date.parse(start)) : 0;
    const last = end ? barIndexAt(p.times, Date.parse(end) + 86_399_999) : p.times.length - 1;
    // Room at both ends for a marker's label (about 50 px).
    const plotWidth = Math.max(100, (priceEl.current?.clientWidth ?? 700) - 80);
    const pad = Math.max(3, (50 * (last - first + 1)) / plotWidth);
    p.chart.timeScale().setVisibleLogicalRange({ from: first - pad, to: last + pad });
  }, [runId]);

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
      (b) => {
        if (!live) return;
        price.current?.setBars(symbol, b);
        setBars(b);
      },
      () => live && setBars(null),
    );
    return () => {
      live = false;
    };
  }, [symbol]);

  useEffect(() => {
    price.current?.setMarkers(fillMarkers(fills, symbol));
  }, [fills, symbol, bars]);

  useFrameThrottled(() => price.current?.setRecords(records), [records, bars]);

  useFrameThrottled(() => {
    const last = equity.length > 0 ? equity.time[equity.length - 1]! : 0;
    price.current?.setLevels(levelLines(orders, orderIds, stopMoves, symbol, last));
  }, [orders, orderIds, stopMoves, symbol, bars, equity]);

  const running = usePlayground((s) => s.run.status === "running");
  const redrawn = useRef<{ bars: SymbolBars | null; startingCash: number; points: number; at: number }>({
    bars: null,
    startingCash: NaN,
    points: 0,
    at: -Infinity,
  });
  const pending = useRef(0);
  const [tick, setTick] = useState(0);
  useFrameThrottled(() => {
    const view = equityView.current;
    if (!view) return;
    // A full redraw costs the whole curve, so while a run streams it waits until the curve has
    // grown by a quarter (or a second has passed): the redraws add up to a few times the curve,
    // not the square of it. The finished run and any other change draw at once.
    const drawn = redrawn.current;
    const now = performance.now();
    const sameRun = drawn.bars === bars && drawn.startingCash === startingCash && equity.length >= drawn.points;
    if (running && sameRun && equity.length < drawn.points * 1.25 + 64 && now - drawn.at < 1000) {
      if (!pending.current) pending.current = window.setTimeout(() => setTick((k) => k + 1), 1000 - (now - drawn.at));
      return;
    }
    window.clearTimeout(pending.current);
    pending.current = 0;
    redrawn.current = { bars, startingCash, points: equity.length, at: now };
    const dd = drawdownOf(equity.value, equity.length);
    const data = equityOnFrame(equity, dd, bars?.time ?? null);
    view.setStartingCash(startingCash);
    view.setData(data.equity, data.drawdown, equity.length);
    const bench = benchmarkBars ? benchmarkOnFrame(equity, benchmarkBars, startingCash, bars?.time ?? null) : [];
    view.setBenchmark(benchmark, bench, bench.filter((p) => "value" in p).length);
    // New data may shift the equity chart's own range; the price chart's range wins, once the
    // equity chart has taken the data in (it does so on its next frame).
    requestAnimationFrame(() => {
      const range = price.current?.chart.timeScale().getVisibleLogicalRange();
      if (range) equityView.current?.chart.timeScale().setVisibleLogicalRange(range);
    });
  }, [equity, bars, startingCash, benchmark, benchmarkBars, running, tick]);

  useEffect(() => {
    const p = price.current;
    if (!focus || !p?.times || p.times.length === 0) return;
    const i = barIndexAt(p.times, focus.time);
    // Zoom in to about six months around the bar unless the view is already that close.
    const range = p.chart.timeScale().getVisibleLogicalRange();
    const half = range && range.to - range.from < 250 ? (range.to - range.from) / 2 : 60;
    p.chart.timeScale().setVisibleLogicalRange({ from: i - half, to: i + half });
    // The crosshair is placed once the chart has drawn the new range.
    requestAnimationFrame(() => {
      const data = p.candles.dataByIndex(i);
      if (data && "close" in data) p.chart.setCrosshairPosition(data.close, data.time, p.candles);
    });
  }, [focus]);

  return (
    <section className="charts" ref={column} aria-label="Charts">
      <div className="chart-header">
        <SymbolSwitcher traded={traded} />
        <span className="chart-legend">
          <span className="legend-up">▲ buy</span> <span className="legend-down">▼ sell</span>
        </span>
      </div>
      <div className="chart-box" style={{ flex: `${1 - equityShare} 1 0` }}>
        <div className="chart" ref={priceEl} data-testid="price-chart" />
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
