import type { ImportProgress as Progress } from "../../store/import-slice";
import { usePlayground } from "../../store/store";

/** Whole percent of the file read so far (bytes read / file size). */
export function importPercent(p: Progress): number {
  if (p.stage !== "reading") return 100;
  return p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** What the import is doing: "Reading X.csv: 45% (5.4 / 12.0 MB)", then "Parsing X.csv…". */
export function importProgressText(p: Progress): string {
  return p.stage === "reading"
    ? `Reading ${p.name}: ${importPercent(p)}% (${mb(p.done)} / ${mb(p.total)} MB)`
    : `Parsing ${p.name}…`;
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
        {p.stage === "reading" ? `Importing ${pct}%` : "Parsing…"}
      </span>
    );
  return (
    <div className="import-progress-panel" data-testid="data-import-progress" data-percent={pct} role="status">
      <span>{text}</span>
      <progress max={100} value={p.stage === "reading" ? pct : undefined} aria-label={`Import of ${p.name}`} />
    </div>
  );
}
