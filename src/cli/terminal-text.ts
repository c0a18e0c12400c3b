import { INVISIBLE_CHARS } from "../engine/invisible-chars";

/**
 * Text from a strategy or a data file, made safe to print on a terminal. A log line, an error
 * message or a symbol could otherwise carry a line break that prints a forged "Fills hash" row, or
 * escape sequences that move the cursor and overwrite the real one: control characters (C0, DEL,
 * C1), line and paragraph separators and bidirectional overrides are written as escapes instead.
 */
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function printable(text: string): string {
  return text.replace(INVISIBLE_CHARS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `printable` for text whose own line breaks are part of its layout (a type error's chained lines). */
export function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}
