import { useForensics } from "./forensics-store";
import type { TradeChange } from "./trade-changes";
import { useTickOf } from "../data/price-ticks";
import { formatPrice } from "../../engine/price-text";

/** At most this many changed trades per policy are listed (the count says how many there are). */
const MAX_ROWS = 30;

const money = (x: number) =>
  (x >= 0 ? "+" : "−") + Math.abs(x).toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const day = (iso: string) => iso.slice(0, 10);

function touchesBar(c: TradeChange, barDt: number): boolean {
  const iso = new Date(barDt).toISOString();
  return [c.before, c.after].some((t) => t !== null && (t.entryDt === iso || t.exitDt === iso));
}

function ChangeRow({ c, here }: { c: TradeChange; here: boolean }) {
  const tickOf = useTickOf();
  const side = (t: NonNullable<TradeChange["before"]>) =>
    `${t.exitReason} ${day(t.exitDt)} @ ${formatPrice(t.exitPrice, tickOf(t.symbol))}, P&L ${money(t.pnl)}`;
  return (
    <li className={here ? "forensics-here" : undefined} data-testid="what-if-change">
      <span className="mono">
        {day(c.entryDt)} {c.side} {c.symbol}
      </span>
      {here && <span className="forensics-why"> this bar</span>}
      <div>
        {c.before ? side(c.before) : "no trade"} → {c.after ? side(c.after) : "no trade"}
      </div>
    </li>
  );
}

/** Each other policy's re-run: running, "no trade changes", or the trades that change. */
export function WhatIfList({ barDt }: { barDt: number }) {
  const whatIf = useForensics((s) => s.whatIf);
  if (!whatIf || Object.keys(whatIf.policies).length === 0) return <div className="forensics-muted">Starting…</div>;
  return (
    <div className="forensics-what-if" data-testid="what-if-results">
      {Object.entries(whatIf.policies).map(([policy, o]) => {
        if (!o) return null;
        return (
          <section key={policy} data-policy={policy} data-status={o.status}>
            <h4>
              <code>{policy}</code>
              {o.status === "running" && " — running…"}
              {o.status === "error" && ` — could not run: ${o.message}`}
              {o.status === "done" &&
                (o.changes.length === 0
                  ? " — no trade changes"
                  : ` — ${o.changes.length} trade${o.changes.length === 1 ? "" : "s"} change; total P&L ${money(o.pnlBefore)} → ${money(o.pnlAfter)}`)}
            </h4>
            {o.status === "done" && o.changes.length > 0 && (
              <ul>
                {[...o.changes]
                  .sort((a, b) => Number(touchesBar(b, barDt)) - Number(touchesBar(a, barDt)))
                  .slice(0, MAX_ROWS)
                  .map((c) => (
                    <ChangeRow key={`${c.symbol}${c.side}${c.entryDt}`} c={c} here={touchesBar(c, barDt)} />
                  ))}
                {o.changes.length > MAX_ROWS && <li>… and {o.changes.length - MAX_ROWS} more</li>}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
