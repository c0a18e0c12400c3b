import type { SymbolBars } from "../../engine/data/symbol-bars";
import type { BarForensics } from "../../engine/matching/bar-forensics";
import { appStoreApi } from "../../store/store";
import { extendDebugApi } from "../debug-api";
import { forensicsOf, hasFillAt } from "./forensics-input";
import { closeForensics, forensicsStore, openForensics, type WhatIf } from "./forensics-store";

/** `window.playground.forensics`: the fill-forensics panel, as data. */
export interface ForensicsDebugApi {
  /** Opens the panel on the chart symbol's bar at an ISO time; false when the run filled nothing there. */
  open(time: string, side?: "left" | "right"): boolean;
  close(): void;
  /** What the open panel explains (null when closed). */
  data(): BarForensics | null;
  /** Turns the what-if switch on or off. */
  setWhatIf(on: boolean): void;
  /** The what-if re-runs: per other policy, running, its trade changes, or its error. */
  whatIf(): WhatIf | null;
}

export function exposeForensicsDebugApi(bars: () => SymbolBars | null): void {
  const api: ForensicsDebugApi = {
    open(time, side = "left") {
      const s = appStoreApi().getState();
      const dt = Date.parse(time);
      if (!hasFillAt(s, s.chartSymbol, dt)) return false;
      openForensics({ symbol: s.chartSymbol, dt, side });
      return true;
    },
    close: closeForensics,
    data() {
      const open = forensicsStore.getState().open;
      const b = bars();
      return open && b && b.symbol === open.symbol ? forensicsOf(appStoreApi().getState(), b, open.dt) : null;
    },
    setWhatIf: (on) => forensicsStore.setState({ whatIfOn: on }),
    whatIf: () => forensicsStore.getState().whatIf,
  };
  extendDebugApi({ forensics: api });
}
