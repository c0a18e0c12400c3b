import { ensureLockdown } from "./lockdown";
import { playground } from "../engine/api/playground";
import { TradingAlgorithm } from "../engine/api/trading-algorithm";
import { activeHost } from "../engine/api/strategy-host";
import { consoleFor } from "../engine/api/logger";
import { findRejectedText } from "./sandbox-rejections";
import { locate as locateIn, messageOf } from "./thrown-value";
import { UserFacingError } from "./user-error";
import { LINE_PROBE, type ProbeShift, unshiftColumn } from "./line-probes";

export { messageOf } from "./thrown-value";

export type StrategyClass = new () => TradingAlgorithm;

/**
 * The module wrapper around compiled code. It shares the first line with the user's code, so
 * line numbers in stack traces are the user's; columns on line 1 move by its length. The line
 * probe is a parameter of an outer function, not of the module's own: the module's `arguments`
 * would otherwise hand it to a strategy, which could then name a line it is not on.
 */
const WRAPPER_HEAD = `(function (${LINE_PROBE}) { return function (require, module, exports) {`;
const WRAPPER_TAIL = "\n}; })";

/** How the code was instrumented (line-probes.ts): where to report its lines, and its column shifts. */
export interface LineProbing {
  atLine: (line: number) => void;
  shifts: readonly ProbeShift[];
}

const NO_PROBING: LineProbing = { atLine: () => undefined, shifts: [] };

/**
 * Evaluate compiled strategy code in a SES Compartment (in the worker or the CLI's worker
 * thread, never on the page) and return its default export, checked to be a TradingAlgorithm
 * subclass. The compartment's global object holds the frozen built-ins, `console` (into the
 * Log), `Date`, `Math`, `performance.now` and nothing else: no fetch, timers, postMessage, self, process...
 * `source` is the user's own text, checked for what the sandbox refuses before compiling.
 */
export function loadStrategy(
  js: string,
  fileName: string,
  source?: string,
  probing: LineProbing = NO_PROBING,
): StrategyClass {
  ensureLockdown();
  const refused = findRejectedText(source ?? js, fileName);
  if (refused) throw refused;
  const module = { exports: {} as Record<string, unknown> };
  const require = harden((name: string) => {
    if (name === "playground") return playgroundModule();
    throw new UserFacingError({
      kind: "compile",
      message: `cannot import "${String(name).slice(0, 80)}": strategies can import only from "playground"`,
      file: fileName,
    });
  });
  const compartment = new Compartment({ __options__: true, globals: userGlobals() });
  pinGlobals(compartment.globalThis);
  let wrapper: (probe: (line: number) => void) => (...args: unknown[]) => void;
  try {
    wrapper = compartment.evaluate(
      `${WRAPPER_HEAD}${js}${WRAPPER_TAIL}\n//# sourceURL=${sourceUrl(fileName)}`,
    ) as typeof wrapper;
  } catch (e) {
    throw new UserFacingError({ kind: "compile", message: messageOf(e), file: fileName });
  }
  try {
    wrapper(harden(probing.atLine))(require, module, module.exports);
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw new UserFacingError({
      kind: "runtime",
      message: messageOf(e),
      file: fileName,
      ...locate(e, fileName, probing.shifts),
      hook: "module",
    });
  }
  const Strategy = strategyClassOf(module.exports);
  if (Strategy === null) {
    throw new UserFacingError({
      kind: "compile",
      message: "the strategy must `export default class MyStrategy extends TradingAlgorithm { ... }`",
      file: fileName,
      line: 1,
      column: 1,
    });
  }
  return Strategy;
}

/**
 * The module's default export when it is a TradingAlgorithm subclass, read once. Reading it runs
 * user code (a getter on `exports.default`, a Proxy's traps), which may throw anything: then it is
 * not one.
 */
function strategyClassOf(exports: Record<string, unknown>): StrategyClass | null {
  try {
    const Strategy = exports.default;
    return typeof Strategy === "function" && Strategy.prototype instanceof TradingAlgorithm
      ? (Strategy as StrategyClass)
      : null;
  } catch {
    return null;
  }
}

/** The user's line and column from an error's stack (the first frame in their file). */
export function locate(
  e: unknown,
  fileName: string,
  shifts: readonly ProbeShift[] = [],
): { line?: number; column?: number } {
  const at = locateIn(e, sourceUrl(fileName));
  if (at.line === 1 && at.column !== undefined) at.column = Math.max(1, at.column - WRAPPER_HEAD.length);
  if (at.line !== undefined && at.column !== undefined) at.column = unshiftColumn(shifts, at.line, at.column);
  return at;
}

/** The file name as it appears in stack traces: one line, no characters that end a comment. */
function sourceUrl(fileName: string): string {
  return fileName.replace(/[^\w.@+-]/g, "_");
}

let playgroundCopy: Record<string, unknown> | null = null;

/**
 * The "playground" module as user code sees it: a hardened copy (a module namespace cannot be
 * frozen), so no strategy can replace `order` or patch `TradingAlgorithm.prototype` for the
 * engine or for the next run.
 */
function playgroundModule(): Record<string, unknown> {
  return (playgroundCopy ??= harden({ ...playground }));
}

/**
 * Make every global the compartment starts with (Math, Array, console, ...) read-only and
 * fixed, before its first evaluate: SES then binds them as constants instead of looking each
 * use up through its scope proxy, which made a loop like `Math.max(m, x)` in handleData
 * several times slower. User code may still add globals of its own; it cannot replace these.
 */
function pinGlobals(g: object): void {
  for (const name of Object.getOwnPropertyNames(g)) {
    const d = Object.getOwnPropertyDescriptor(g, name);
    if (d && "value" in d && d.configurable) Object.defineProperty(g, name, { writable: false, configurable: false });
  }
}

let globals: Record<string, unknown> | null = null;

/** What user code finds on its global object besides the frozen built-ins. */
function userGlobals(): Record<string, unknown> {
  return (globals ??= harden({
    // User code's `console`: into the Log panel during a run, to the host's console otherwise.
    console: consoleFor((level, message) => {
      try {
        activeHost().log[level](message);
      } catch {
        // Outside a run (module top level, constructor): stderr in the CLI, so `--json -` stays JSON.
        globalThis.console.warn(message);
      }
    }),
    // A compartment's own Date and Math refuse to tell the time or draw random numbers;
    // strategies may (neither reaches outside the run).
    Date,
    Math,
    // SES leaves these two typed arrays out of a compartment's globals; strategies use them for
    // indicator buffers (frozen by lockdown, like every other built-in they can see).
    Float64Array,
    Float32Array,
    // Only the clock of `performance` (no marks, no resource timings).
    performance: { now: () => performance.now() },
  }));
}
