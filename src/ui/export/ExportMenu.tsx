import { useCallback, useRef, useState } from "react";
import { appStoreApi, usePlayground } from "../../store/store";
import { openStrategyName } from "../library/open-strategy-name";
import { chartsPng, downloadBlob, fileStem, fullResultsJson, tradesCsv } from "./export-files";
import { runEvents } from "./run-event-log";
import { rowsArrived } from "../../runtime/results-rows";
import { useDismiss } from "./use-dismiss";

/** Export: trades CSV, results JSON, the strategy's .ts and the charts as PNG. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  useDismiss(
    root,
    open,
    useCallback(() => setOpen(false), []),
  );
  const hasResults = usePlayground((s) => s.results.final !== null);
  const stem = () => fileStem(openStrategyName(appStoreApi().getState()));
  /** Why the last export made no file (the run's rows never came, say), shown beside the button. */
  const [problem, setProblem] = useState<string | null>(null);
  const run = (f: () => void | Promise<void>) => () => {
    setOpen(false);
    setProblem(null);
    Promise.resolve()
      .then(f)
      .catch((e: unknown) => setProblem(`Export failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  const items: { id: string; label: string; needsRun: boolean; act: () => void | Promise<void> }[] = [
    {
      id: "trades-csv",
      label: "Trades (CSV)",
      needsRun: true,
      act: () =>
        downloadBlob(
          `${stem()}-trades.csv`,
          new Blob([tradesCsv(appStoreApi().getState().results.final!)], { type: "text/csv" }),
        ),
    },
    {
      id: "results-json",
      label: "Results (JSON)",
      needsRun: true,
      act: async () => {
        // The run's orders, fills and log lines follow its results by a moment (results-rows.ts).
        const final = appStoreApi().getState().results.final!;
        await rowsArrived(final);
        const s = appStoreApi().getState();
        if (s.results.final !== final) return; // another run began meanwhile
        const chunks = fullResultsJson(final, runEvents(), s.results.equity);
        downloadBlob(`${stem()}-results.json`, new Blob(chunks, { type: "application/json" }));
      },
    },
    {
      id: "strategy-ts",
      label: "Strategy (.ts)",
      needsRun: false,
      act: () => downloadBlob(`${stem()}.ts`, new Blob([appStoreApi().getState().code], { type: "text/typescript" })),
    },
    {
      id: "chart-png",
      label: "Chart (PNG)",
      needsRun: false,
      act: async () => {
        const root =
          document.querySelector<HTMLElement>("[data-testid=charts-panel]") ??
          document.querySelector<HTMLElement>(".right");
        if (root) downloadBlob(`${stem()}-chart.png`, await chartsPng(root));
      },
    },
  ];
  return (
    <span className="export-menu" ref={root}>
      <button
        className={`btn ${open ? "btn-active" : ""}`}
        data-testid="export"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          setProblem(null);
        }}
      >
        Export ▾
      </button>
      {problem && (
        <span className="export-problem" role="alert" data-testid="export-problem" title={problem}>
          {problem}
        </span>
      )}
      {open && (
        <div className="export-items" role="menu" data-testid="export-menu">
          {items.map((it) => (
            <button
              key={it.id}
              role="menuitem"
              className="export-item"
              data-testid={`export-${it.id}`}
              disabled={it.needsRun && !hasResults}
              title={it.needsRun && !hasResults ? "Run first" : undefined}
              onClick={run(it.act)}
            >
              {it.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
