import { useEffect, useMemo, useRef, useState } from "react";
import type { LogLevel } from "../../engine/events";
import { excerpt } from "../../engine/excerpt";
import { usePlayground } from "../../store/store";
import { formatDate } from "./format";
import { rowOffsets, useRowWindow } from "./use-row-window";
import { activateRow } from "./activate-row";

const LEVELS: readonly LogLevel[] = ["debug", "info", "warning", "error"];
/** One line per entry (long messages are cut, full text on hover), so only lines in view render. */
const LINE_HEIGHT = 20;
/**
 * The most of a message a line shows, and its tooltip: the browser lays out a line's whole text
 * even where it shows an ellipsis, and three 20 MB lines froze the page for a minute. The results
 * JSON (Export) keeps every message whole.
 */
const SHOWN_CHARS = 2_000;

export function LogPanel() {
  const logs = usePlayground((s) => s.results.logs);
  const dropped = usePlayground((s) => s.results.droppedLogs);
  const focus = usePlayground((s) => s.focusChart);
  const [minLevel, setMinLevel] = useState<LogLevel>("debug");
  const shown = useMemo(() => {
    const min = LEVELS.indexOf(minLevel);
    return min === 0 ? logs : logs.filter((l) => LEVELS.indexOf(l.level) >= min);
  }, [logs, minLevel]);
  const scroller = useRef<HTMLDivElement>(null);
  const offsets = useMemo(() => rowOffsets(shown.length, () => LINE_HEIGHT), [shown.length]);
  const win = useRowWindow(scroller, offsets, 20);
  // Follow the newest lines, unless the user has scrolled up to read older ones.
  const atBottom = useRef(true);
  useEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [shown]);
  return (
    <div className="table-panel" data-testid="log">
      <div className="table-filters">
        <label>
          Level{" "}
          <select data-testid="log-level" value={minLevel} onChange={(e) => setMinLevel(e.target.value as LogLevel)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} and above
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {shown.length} lines{dropped > 0 ? ` (${dropped} older lines dropped)` : ""}
        </span>
      </div>
      <div
        className="table-scroll log-lines"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT;
        }}
      >
        <div style={{ height: win.padTop }} aria-hidden />
        {shown.slice(win.start, win.end).map((l, k) => {
          const message = excerpt(l.message, SHOWN_CHARS);
          return (
            <div
              key={win.start + k}
              className={`log-line level-${l.level} ${l.dt !== null ? "clickable" : ""}`}
              data-testid="log-line"
              data-level={l.level}
              title={l.dt !== null ? `${message}\n(click to show this bar on the chart)` : message}
              {...(l.dt !== null ? activateRow(() => focus(l.dt!)) : {})}
            >
              <span className="mono log-time">{l.dt !== null ? formatDate(l.dt) : "—"}</span>
              <span className={`log-level level-${l.level}`}>{l.level}</span>
              <span className="log-message">{message}</span>
            </div>
          );
        })}
        <div style={{ height: win.padBottom }} aria-hidden />
        {logs.length === 0 && (
          <p className="empty">Nothing logged. Use this.log.info(...) or console.log in your strategy.</p>
        )}
      </div>
    </div>
  );
}
