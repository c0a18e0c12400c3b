import { DataError, type SymbolBars } from "./symbol-bars";

/**
 * Joins the bars of several files into one list sorted by symbol.
 * A symbol found twice is an error rather than a silent pick of one copy.
 * @param sources the file each list came from, to name both files in the message.
 */
export function mergeBars(lists: readonly (readonly SymbolBars[])[], sources?: readonly string[]): SymbolBars[] {
  const seen = new Map<string, number>();
  const merged: SymbolBars[] = [];
  lists.forEach((list, index) => {
    for (const bars of list) {
      const first = seen.get(bars.symbol);
      if (first !== undefined) {
        const here = sources?.[index];
        const there = sources?.[first];
        if (here === undefined || there === undefined) {
          throw new DataError(bars.symbol, 0, 0, "this symbol is loaded twice");
        }
        throw new DataError(here, 0, 0, `symbol ${bars.symbol} is already loaded from ${there}`);
      }
      seen.set(bars.symbol, index);
      merged.push(bars);
    }
  });
  return merged.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}
