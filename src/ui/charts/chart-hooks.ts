import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { usePlayground } from "../../store/store";
import { barsForChart } from "../data/bar-cache";

/** Redraws at most once per animation frame, however fast batches arrive. */
export function useFrameThrottled(effect: () => void, deps: unknown[]): void {
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
export function useTradedSymbols(): string[] {
  const orders = usePlayground((s) => s.results.orders);
  const orderIds = usePlayground((s) => s.results.orderIds);
  return useMemo(() => {
    const seen = new Set<string>();
    for (const id of orderIds) {
      const sym = orders.symbolOf(id);
      if (sym) seen.add(sym);
    }
    return [...seen];
  }, [orders, orderIds]);
}

/**
 * The benchmark's bars, through the same cache as the price chart's (it may be another
 * symbol than the one shown). Null without a benchmark or while they load.
 */
export function useBenchmarkBars(symbol: string | null): SymbolBars | null {
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
