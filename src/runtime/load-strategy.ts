import { playground } from "../engine/api/playground";
import { TradingAlgorithm } from "../engine/api/trading-algorithm";
import { activeHost } from "../engine/api/strategy-host";
import { consoleFor } from "../engine/api/logger";
import { UserFacingError } from "./user-error";

export type StrategyClass = new () => TradingAlgorithm;

/** User code's `console`: into the Log panel during a run, to the real console otherwise. */
const userConsole = consoleFor((level, message) => {
  try {
    activeHost().log[level](message);
  } catch {
    globalThis.console.log(message);
  }
});

/** The line a `new Function` body's first line has in stack traces (the wrapper adds lines). */
const BODY_LINE_OFFSET = measureLineOffset();

/**
 * Evaluate compiled strategy code (in the worker or in Node, never on the page) and return
 * its default export, checked to be a TradingAlgorithm subclass.
 */
export function loadStrategy(js: string, fileName: string): StrategyClass {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string) => {
    if (name === "playground") return playground;
    throw new UserFacingError({
      kind: "compile",
      message: `cannot import "${name}": strategies can import only from "playground"`,
      file: fileName,
    });
  };
  let factory: (...args: unknown[]) => void;
  try {
    factory = new Function(
      "require",
      "module",
      "exports",
      "console",
      `${js}\n//# sourceURL=${fileName}`,
    ) as typeof factory;
  } catch (e) {
    throw new UserFacingError({ kind: "compile", message: String((e as Error).message), file: fileName });
  }
  try {
    factory(require, module, module.exports, userConsole);
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw new UserFacingError({
      kind: "runtime",
      message: messageOf(e),
      file: fileName,
      ...locate(e, fileName),
      hook: "module",
    });
  }
  const Strategy = module.exports.default;
  if (typeof Strategy !== "function" || !(Strategy.prototype instanceof TradingAlgorithm)) {
    throw new UserFacingError({
      kind: "compile",
      message: "the strategy must `export default class MyStrategy extends TradingAlgorithm { ... }`",
      file: fileName,
      line: 1,
      column: 1,
    });
  }
  return Strategy as StrategyClass;
}

export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.name && e.name !== "Error" ? `${e.name}: ${e.message}` : e.message;
  return `threw ${String(e)}`;
}

/** The user's line and column from an error's stack (the first frame in their file). */
export function locate(e: unknown, fileName: string): { line?: number; column?: number } {
  const stack = e instanceof Error ? (e.stack ?? "") : "";
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return {};
  return { line: Number(m[1]) - BODY_LINE_OFFSET + 1, column: Number(m[2]) };
}

function measureLineOffset(): number {
  try {
    new Function("throw new Error('probe')\n//# sourceURL=line-probe.ts")();
  } catch (e) {
    const m = /line-probe\.ts:(\d+):/.exec((e as Error).stack ?? "");
    if (m) return Number(m[1]);
  }
  return 3;
}
