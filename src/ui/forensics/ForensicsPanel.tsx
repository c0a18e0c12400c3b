import { useEffect, useMemo, useRef } from "react";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import type { BarForensics, FillWhy } from "../../engine/matching/bar-forensics";
import { appStoreApi, usePlayground } from "../../store/store";
import { formatPrice } from "../../engine/price-text";
import { forensicsOf } from "./forensics-input";
import { closeForensics, forensicsStore, useForensics } from "./forensics-store";
import { orderColor, PathSketch } from "./PathSketch";
import { WhatIfList } from "./WhatIfList";
import { startWhatIf, stopWhatIf } from "./what-if";
import "./forensics.css";

const WHY_TEXT: Record<FillWhy, string> = {
  market: "market",
  gap: "gap through the level",
  touch: "touch",
  "same-bar policy": "same-bar policy",
  "volume cap": "volume cap",
  cash: "cash",
  oco: "OCO: other leg filled",
  "not reached": "not reached",
  cancelled: "cancelled",
  expired: "expired",
};

function pathWords(f: BarForensics): string {
  if (f.path.length === 1) return `close ${formatPrice(f.path[0]!.price, f.tick)} only (fill model close)`;
  const [, first] = f.path;
  const why = first!.label === "low" ? "the low is at least as near the open" : "the high is nearer the open";
  return `${f.path.map((p) => p.label).join(" → ")} (${why})`;
}

/**
 * The fill-forensics panel: the clicked bar's assumed path, the levels working on it, where
 * each order triggered or filled and why, and the what-if switch. It sits on the half of the
 * chart away from the clicked bar, under the header, clear of the price axis.
 */
export function ForensicsPanel({ bars }: { bars: SymbolBars | null }) {
  const open = useForensics((s) => s.open);
  const whatIfOn = useForensics((s) => s.whatIfOn);
  const orders = usePlayground((s) => s.results.orders);
  const fills = usePlayground((s) => s.results.fills);
  const final = usePlayground((s) => s.results.final);
  const runId = usePlayground((s) => s.run.runId);
  const done = usePlayground((s) => s.run.status === "done");
  const panel = useRef<HTMLDivElement>(null);

  const f = useMemo(() => {
    if (!open || !bars || bars.symbol !== open.symbol) return null;
    return forensicsOf(appStoreApi().getState(), bars, open.dt);
    // The explanation is of the results: recomputed when they grow or the run ends.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, bars, orders, fills, final]);

  // A new run explains nothing of the old one.
  useEffect(() => {
    closeForensics();
    stopWhatIf();
  }, [runId]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") closeForensics();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  useEffect(() => {
    if (open && whatIfOn && done) startWhatIf();
  }, [open, whatIfOn, done]);

  if (!open || !f) return null;
  const date = new Date(f.bar.dt).toISOString().slice(0, 10);
  return (
    <div
      ref={panel}
      className={`forensics-panel forensics-${open.side}${open.width ? "" : " forensics-centred"}`}
      style={open.width ? { width: open.width } : undefined}
      role="dialog"
      aria-label={`Fill forensics of ${f.symbol} on ${date}`}
      data-testid="forensics-panel"
    >
      <div className="forensics-head">
        <strong>
          {f.symbol} {date}
        </strong>
        <span className="forensics-muted">fill forensics</span>
        <button
          className="btn btn-small forensics-close"
          title="Close (Esc)"
          aria-label="Close"
          onClick={closeForensics}
        >
          ×
        </button>
      </div>
      <div className="forensics-muted mono">
        O {formatPrice(f.bar.open, f.tick)} H {formatPrice(f.bar.high, f.tick)} L {formatPrice(f.bar.low, f.tick)} C{" "}
        {formatPrice(f.bar.close, f.tick)} V {f.bar.volume.toLocaleString("en-US")}
      </div>
      <div className="forensics-muted" data-testid="forensics-path">
        Assumed path: {pathWords(f)}
      </div>
      <PathSketch f={f} />
      {f.ambiguous.map((p) => (
        <div key={p.stopId} className="forensics-ambiguous" data-testid="forensics-ambiguous">
          {p.text}
        </div>
      ))}
      <ul className="forensics-orders" data-testid="forensics-orders">
        {f.orders.map((o) => (
          <li key={o.orderId} data-order-id={o.orderId} data-why={o.why.join(",")}>
            <span className="forensics-badge" style={{ borderColor: orderColor(o), color: orderColor(o) }}>
              {o.label}
            </span>
            {o.why.map((w) => (
              <span key={w} className={`forensics-why forensics-why-${w.replace(/ /g, "-")}`}>
                {WHY_TEXT[w]}
              </span>
            ))}
            <div className="forensics-text">{o.text}</div>
          </li>
        ))}
        {f.orders.length === 0 && <li>No order was working on this bar.</li>}
      </ul>
      <label className="forensics-switch">
        <input
          type="checkbox"
          data-testid="forensics-what-if"
          checked={whatIfOn}
          disabled={!done}
          onChange={(e) => {
            forensicsStore.setState({ whatIfOn: e.target.checked });
            if (!e.target.checked) stopWhatIf();
          }}
        />
        What if: re-run with the other same-bar policies
      </label>
      {whatIfOn && <WhatIfList barDt={f.bar.dt} />}
    </div>
  );
}
