import type { LogLevel } from "../events";

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

export function format(x: unknown): string {
  if (typeof x === "string") return x;
  if (x instanceof Error) return x.message;
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

/** A `console` for user code that writes to the Log panel instead. */
export type UserConsole = Record<"log" | "info" | "debug" | "warn" | "error", (...args: unknown[]) => void>;

export function consoleFor(sink: (level: LogLevel, message: string) => void): UserConsole {
  const join = (args: unknown[]) => args.map(format).join(" ");
  return {
    log: (...a: unknown[]) => sink("info", join(a)),
    info: (...a: unknown[]) => sink("info", join(a)),
    debug: (...a: unknown[]) => sink("debug", join(a)),
    warn: (...a: unknown[]) => sink("warning", join(a)),
    error: (...a: unknown[]) => sink("error", join(a)),
  };
}
