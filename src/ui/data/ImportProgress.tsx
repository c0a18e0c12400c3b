import type { ImportProgress as Progress } from "../../store/import-slice";
import { usePlayground } from "../../store/store";
import { formatCount as count } from "../panels/format";

/** Whole percent of the stage done: bytes read of the file's size, then rows parsed of its rows. */
export function importPercent(p: Progress): number {
  return p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** "Reading X.csv: 45% (5.4 / 12.0 MB)", then "Parsing X.csv: 62% (124,000 / 200,001 rows)". */
export function importProgressText(p: Progress): string {
  const pct = importPercent(p);
  return p.stage === "reading"
    ? `Reading ${p.name}: ${pct}% (${mb(p.done)} / ${mb(p.total)} MB)`
    : `Parsing ${p.name}: ${pct}% (${count(p.done)} / ${count(p.total)} rows)`;
}

/**
 * The import under way, with a bar in the Data panel (`bar`) or as short text in the toolbar.
 * Gone once the import is applied, held for a confirmation, or failed.
 */
export function ImportProgress({ bar = false }: { bar?: boolean }) {
  const p = usePlayground((s) => s.importProgress);
  if (!p) return null;
  const pct = importPercent(p);
  const text = importProgressText(p);
  if (!bar)
    return (
      <span className="import-progress" data-testid="import-progress" role="status" title={text}>
        {p.stage === "reading" ? `Reading ${pct}%` : `Parsing ${pct}%`}
      </span>
    );
  return (
    <div
      className="import-progress-panel"
      data-testid="data-import-progress"
      data-stage={p.stage}
      data-percent={pct}
      role="status"
    >
      <span>{text}</span>
      <progress max={100} value={pct} aria-label={`Import of ${p.name}`} />
    </div>
  );
}
