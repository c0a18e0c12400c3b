import type { LogLevel } from "../events";
import { describeValue } from "../excerpt";

/** `this.log`: messages for the Log panel, stamped with the bar time. */
export class Logger {
  constructor(private readonly sink: (level: LogLevel, message: string) => void) {}
  debug(message: unknown): void {
    this.sink("debug", format(message));
  }
  info(message: unknown): void {
    this.sink("info", format(message));
  }
  warning(message: unknown): void {
    this.sink("warning", format(message));
  }
  /** Alias of `warning`. */
  warn(message: unknown): void {
    this.sink("warning", format(message));
  }
  error(message: unknown): void {
    this.sink("error", format(message));
  }
}

/**
 * A message built with `+` or a template literal is, inside V8, a tree of its pieces (a rope)
 * until something reads it by index; reading one character flattens it into one string and frees
 * the pieces, which halves what a kept log line costs (a million lines: about 105 MB → 50 MB).
 */
function flat(s: string): string {
  if (s.length > 0) s.charCodeAt(0);
  return s;
}

export function format(x: unknown): string {
  if (typeof x === "string") return flat(x);
  if (x instanceof Error) return x.message;
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    // A cycle or a BigInt inside; String() can throw too (no prototype, a hostile toString).
    try {
      return String(x);
    } catch {
      return describeValue(x);
    }
  }
}

/** A `console` for user code that writes to the Log panel instead. */
export type UserConsole = Record<"log" | "info" | "debug" | "warn" | "error", (...args: unknown[]) => void>;

export function consoleFor(sink: (level: LogLevel, message: string) => void): UserConsole {
  const join = (args: unknown[]) => flat(args.map(format).join(" "));
  return {
    log: (...a: unknown[]) => sink("info", join(a)),
    info: (...a: unknown[]) => sink("info", join(a)),
    debug: (...a: unknown[]) => sink("debug", join(a)),
    warn: (...a: unknown[]) => sink("warning", join(a)),
    error: (...a: unknown[]) => sink("error", join(a)),
  };
}
