import { useEffect, useState } from "react";
import { usePlayground } from "../store/store";
import { startRun, stopRun } from "./run/run-controller";
import { CsvImportButton } from "./data/CsvImportButton";
import { ShareButton } from "./share/ShareButton";
import { ExportMenu } from "./export/ExportMenu";
import { openStrategyName } from "./library/open-strategy-name";

/**
 * Bar counts as `toLocaleString()` writes them, with one formatter: `toLocaleString` makes a new
 * one per call, and the progress re-renders ten times a second while a run streams.
 */
const BARS = new Intl.NumberFormat();

function formatElapsed(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/**
 * While a run goes on, the elapsed time moves with each change its batches make (four a second at
 * most, batch-pacer.ts); only when none came for this long does it tick on its own (compiling, a
 * strategy slow between batches). Each tick is a frame of the page taken from the run's worker.
 */
const TICK_MS = 400;

/** Bars done / total and elapsed time; ticks while the run goes on. */
function RunProgress() {
  const run = usePlayground((s) => s.run);
  const settings = usePlayground((s) => s.settings.run);
  const [now, setNow] = useState(() => performance.now());
  // The settings a run started with: changing one afterwards makes its results stale.
  const [startedWith, setStartedWith] = useState({ runId: run.runId, settings });
  if (startedWith.runId !== run.runId) setStartedWith({ runId: run.runId, settings });
  const stale = run.status !== "running" && run.runId !== 0 && startedWith.settings !== settings;
  useEffect(() => {
    if (run.status !== "running") return;
    // Armed again at each change of the run (or tick): it fires only after TICK_MS without one.
    const id = setTimeout(() => setNow(performance.now()), TICK_MS);
    return () => clearTimeout(id);
  }, [run, now]);
  if (run.status === "idle") return <div className="run-progress" data-testid="progress" data-status="idle" />;
  const elapsed = (run.finishedAt ?? Math.max(now, run.changedAt)) - run.startedAt;
  const fraction = run.totalBars > 0 ? run.barsDone / run.totalBars : 0;
  return (
    <div
      className="run-progress"
      data-testid="progress"
      data-status={run.status}
      data-stale={stale}
      title={`${BARS.format(run.barsDone)} of ${BARS.format(run.totalBars)} bars · ${formatElapsed(Math.max(0, elapsed))}${
        run.status === "running" ? "" : ` · ${run.status}`
      }${stale ? " · stale: the settings changed since this run" : ""}`}
    >
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Run progress"
        aria-valuetext={`${BARS.format(run.barsDone)} of ${BARS.format(run.totalBars)} bars${
          run.status === "running" ? "" : `, ${run.status}`
        }`}
        aria-valuemin={0}
        aria-valuemax={run.totalBars}
        aria-valuenow={run.barsDone}
      >
        <div className={`progress-fill status-${run.status}`} style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <span className="progress-text" data-testid="progress-text">
        {run.totalBars > 0 ? (
          <>
            {`${BARS.format(run.barsDone)} / ${BARS.format(run.totalBars)}`}
            <span className="wide-only"> bars</span>
          </>
        ) : run.status === "running" ? (
          <>
            <span className="wide-only">compiling and </span>loading data…
          </>
        ) : (
          "no bars"
        )}
        <span className="wide-only"> · {formatElapsed(Math.max(0, elapsed))}</span>
        {run.status !== "running" && <span className={`status-word status-${run.status}`}> · {run.status}</span>}
        {stale && (
          <span
            className="status-word stale"
            data-testid="results-stale"
            title="The settings changed since this run: run again to see results for them"
          >
            {" "}
            · stale
          </span>
        )}
      </span>
    </div>
  );
}

export function Toolbar() {
  const running = usePlayground((s) => s.run.status === "running");
  const theme = usePlayground((s) => s.theme);
  const setTheme = usePlayground((s) => s.setTheme);
  const panel = usePlayground((s) => s.panel);
  const setPanel = usePlayground((s) => s.setPanel);
  const title = usePlayground(openStrategyName);
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="brand">Strategy Playground</span>
      {running ? (
        <button className="btn btn-stop" data-testid="stop" onClick={stopRun} title="Stop the run (Esc)">
          <span aria-hidden="true">■ </span>Stop
        </button>
      ) : (
        <button
          className="btn btn-run"
          data-testid="run"
          onClick={startRun}
          title={`Run (${mac ? "⌘" : "Ctrl"}+Enter)`}
        >
          <span aria-hidden="true">▶ </span>Run
        </button>
      )}
      <RunProgress />
      <span
        className="template-title"
        data-testid="template-title"
        title="The open strategy (My strategies lists them all)"
      >
        {title}
      </span>
      <span className="toolbar-spacer" />
      <ShareButton />
      <ExportMenu />
      <button
        className={`btn ${panel === "library" ? "btn-active" : ""}`}
        data-testid="open-library"
        onClick={() => setPanel(panel === "library" ? "none" : "library")}
      >
        <span className="wide-only">My strategies</span>
        <span className="narrow-only">Strategies</span>
      </button>
      <button
        className={`btn ${panel === "examples" ? "btn-active" : ""}`}
        data-testid="open-examples"
        onClick={() => setPanel(panel === "examples" ? "none" : "examples")}
      >
        Examples
      </button>
      <CsvImportButton />
      <button
        className={`btn ${panel === "data" ? "btn-active" : ""}`}
        data-testid="open-data"
        onClick={() => setPanel(panel === "data" ? "none" : "data")}
      >
        Data
      </button>
      <button
        className={`btn ${panel === "settings" ? "btn-active" : ""}`}
        data-testid="open-settings"
        onClick={() => setPanel(panel === "settings" ? "none" : "settings")}
      >
        Settings
      </button>
      <button
        className="btn btn-icon"
        data-testid="theme-toggle"
        aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}
        title={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}
        onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
      >
        {theme === "dark" ? "☀" : "☾"}
      </button>
    </header>
  );
}
