import { Backtest, type BacktestListener, StrategyRuntimeError } from "../engine/backtest";
import type { SymbolBars } from "../engine/data/symbol-bars";
import { buildResults, type ResultsJson } from "../engine/results/results";
import type { RunSettings } from "../engine/settings";
import { compileStrategy } from "./compile-strategy";
import { noBarsBetweenDates } from "./date-range";
import { addLineProbes } from "./line-probes";
import { loadStrategy, locate, messageOf, type StrategyClass } from "./load-strategy";
import { UserFacingError } from "./user-error";
import { excerpt } from "./thrown-value";

export interface RunRequest {
  source: string;
  fileName: string;
  bars: readonly SymbolBars[];
  settings: RunSettings;
  listener?: BacktestListener;
  /** Called once the backtest is set up (the worker reads its equity arrays from it). */
  onStart?: (bt: Backtest) => void;
  /** Called when the bar loop has ended, before the results are built (the worker posts its last batch). */
  onRan?: (bt: Backtest) => void;
  now?: () => number;
  /** Told the user's line at every loop head and function entry (where-cells.ts records it). */
  atLine?: (line: number) => void;
  /**
   * "always" (the default) builds the results JSON; "if-analyzed" builds it only for a strategy
   * with an `analyze` hook (`results` is null otherwise): for a caller that prints nothing of it.
   */
  results?: "always" | "if-analyzed";
}

/** How long the parts of a run took, in ms. */
export interface RunTimings {
  /** Compile, load and the bar loop. */
  runMs: number;
  /** Building the results JSON (after `onRan`). */
  resultsMs: number;
  /** When the bar loop ended, on the request's clock (`now`). */
  ranAt: number;
}

/** What a run gives back: the results JSON, unless the request said it was not needed. */
export interface RunOutcome<R extends ResultsJson | null = ResultsJson> {
  results: R;
  /** The strategy's name, as the results' `run.strategy` gives it. */
  strategy: string;
  backtest: Backtest;
  timings: RunTimings;
}

/**
 * Compile, load and run a strategy; the results JSON on success. Every failure the user
 * can fix is a UserFacingError with their file, line and column.
 */
export function runStrategy(req: RunRequest & { results?: "always" }): RunOutcome;
export function runStrategy(req: RunRequest): RunOutcome<ResultsJson | null>;
export function runStrategy(req: RunRequest): RunOutcome<ResultsJson | null> {
  const now = req.now ?? (() => Date.now());
  const started = now();
  req.listener?.onHook?.("module", 0, NaN);
  const { code, shifts } = addLineProbes(compileStrategy(req.source, req.fileName));
  const Strategy = loadStrategy(code, req.fileName, req.source, { atLine: req.atLine ?? (() => undefined), shifts });
  const noBars = noBarsBetweenDates(req.bars, req.settings);
  if (noBars !== null) throw new UserFacingError({ kind: "data", message: noBars });
  let bt: Backtest;
  req.listener?.onHook?.("constructor", 0, NaN);
  try {
    bt = new Backtest(req.bars, req.settings, new Strategy(), req.listener);
  } catch (e) {
    throw new UserFacingError({
      kind: "runtime",
      message: messageOf(e),
      file: req.fileName,
      ...locate(e, req.fileName, shifts),
      hook: "constructor",
    });
  }
  req.onStart?.(bt);
  try {
    bt.run();
    const ran = now();
    req.onRan?.(bt);
    const building = req.onRan ? now() : ran;
    const name = strategyName(Strategy, req.fileName);
    if (req.results === "if-analyzed" && !bt.analyzeHook())
      return {
        results: null,
        strategy: name,
        backtest: bt,
        timings: { runMs: ran - started, resultsMs: 0, ranAt: ran },
      };
    const results = buildResults(bt, { strategy: name, elapsedMs: ran - started });
    const timings = { runMs: ran - started, resultsMs: now() - building, ranAt: ran };
    bt.callAnalyze(results);
    return { results, strategy: name, backtest: bt, timings };
  } catch (e) {
    if (e instanceof StrategyRuntimeError) {
      const cause = e.original;
      throw new UserFacingError({
        kind: "runtime",
        message: messageOf(cause),
        file: req.fileName,
        ...locate(cause, req.fileName, shifts),
        hook: e.hook,
        barTime: new Date(e.dt).toISOString(),
      });
    }
    throw e;
  }
}

/**
 * The strategy's name for the results (`run.strategy`), the summary and the page: its class name,
 * else the file's. `name` is the user's to define (`static name = …`, a getter): anything but a
 * string, or a getter that throws, gives the file's name, and a long one is cut to an excerpt.
 */
function strategyName(Strategy: StrategyClass, fileName: string): string {
  let name: unknown;
  try {
    name = Strategy.name;
  } catch {
    name = undefined;
  }
  return typeof name === "string" && name !== "" ? excerpt(name) : fileName;
}
