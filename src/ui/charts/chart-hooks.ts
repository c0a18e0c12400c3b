import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { usePlayground } from "../../store/store";
import { barsForChart } from "../data/bar-cache";
import type { FrameJob, FrameJobs } from "./frame-jobs";

/**
 * Queues `effect` as the job `key` of `jobs` whenever `deps` change: it runs after the next frame
 * (or after the jobs queued before it, one per frame), once however often the deps changed meanwhile.
 * `chart` names the chart it draws (FrameJobs.schedule).
 */
export function useFrameJob(jobs: FrameJobs, key: string, effect: FrameJob, deps: unknown[], chart = ""): void {
  const latest = useRef(effect);
  useLayoutEffect(() => {
    latest.current = effect;
  });
  useEffect(() => {
    jobs.schedule(key, () => latest.current(), chart);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
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
