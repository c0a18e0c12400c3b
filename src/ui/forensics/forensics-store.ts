import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { SameBarPolicy } from "../../engine/settings/same-bar-setting";
import type { TradeChange } from "./trade-changes";

/** The bar the panel explains, and on which side of the chart it sits (away from that bar). */
export interface OpenBar {
  symbol: string;
  dt: number;
  side: "left" | "right";
  /** Panel width in px: narrower when the chart is, so the clicked bar stays in view. */
  width?: number;
}

/** One other policy's re-run: running, its trade changes, or why it failed. */
export type PolicyOutcome =
  | { status: "running" }
  | { status: "done"; changes: TradeChange[]; pnlBefore: number; pnlAfter: number; trades: number }
  | { status: "error"; message: string };

export interface WhatIf {
  /** The run (page run id) the outcomes are of; a new run makes them stale. */
  runId: number;
  policies: Partial<Record<SameBarPolicy, PolicyOutcome>>;
}

export interface ForensicsState {
  open: OpenBar | null;
  whatIfOn: boolean;
  whatIf: WhatIf | null;
}

export const forensicsStore = createStore<ForensicsState>()(() => ({ open: null, whatIfOn: false, whatIf: null }));

export function useForensics<T>(select: (s: ForensicsState) => T): T {
  return useStore(forensicsStore, select);
}

export function openForensics(bar: OpenBar): void {
  forensicsStore.setState({ open: bar });
}

export function closeForensics(): void {
  forensicsStore.setState({ open: null });
}
