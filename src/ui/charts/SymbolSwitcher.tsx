import { useMemo } from "react";
import { usePlayground } from "../../store/store";
import { SAMPLE_SYMBOLS } from "../data/sample-data";

/** The switcher offers the symbols the run traded first, then the rest of the data. */
export function SymbolSwitcher({ traded }: { traded: string[] }) {
  const symbol = usePlayground((s) => s.chartSymbol);
  const setSymbol = usePlayground((s) => s.setChartSymbol);
  const runSymbols = usePlayground((s) => s.results.symbols);
  const imported = usePlayground((s) => s.imported);
  const others = useMemo(() => {
    const all = runSymbols.length > 0 ? runSymbols : [...SAMPLE_SYMBOLS, ...imported.flatMap((c) => c.symbols)];
    return [...new Set(all)].filter((s) => !traded.includes(s));
  }, [runSymbols, imported, traded]);
  const known = traded.includes(symbol) || others.includes(symbol);
  return (
    <label className="symbol-switcher">
      <span className="sr-only">Symbol</span>
      <select data-testid="symbol-switcher" value={symbol} onChange={(e) => setSymbol(e.target.value)}>
        {!known && <option value={symbol}>{symbol}</option>}
        {traded.length > 0 && (
          <optgroup label="Traded">
            {traded.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={traded.length > 0 ? "Other data" : "Data"}>
          {others.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
