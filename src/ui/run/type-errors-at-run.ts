import type { TypeErrorsAtRun } from "../../store/store";

/**
 * How Run reads the editor's type errors. The editor (a lazy chunk with Monaco) says how once it
 * is mounted; before that, and without an editor, Run knows of none.
 */
let reader: () => TypeErrorsAtRun | null = () => null;

export function readTypeErrorsWith(read: () => TypeErrorsAtRun | null): void {
  reader = read;
}

/** The editor's type errors now: the first (by line, then column) and how many; null when none. */
export function typeErrorsNow(): TypeErrorsAtRun | null {
  return reader();
}

/** The first of some errors, by line then column, with their count; null when there are none. */
export function firstOf(errors: readonly Omit<TypeErrorsAtRun, "count">[]): TypeErrorsAtRun | null {
  if (errors.length === 0) return null;
  const first = errors.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a));
  return { ...first, count: errors.length };
}
