import type { Broker } from "./broker";
import { sessionOf } from "./time-in-force";

/**
 * Step 2 of the bar loop. IOC and FOK orders end after the first bar they were matched
 * on; a DAY order lives through the session of the first bar after it was placed; a GTD
 * order expires after the last bar on or before its date.
 */
export function expireOrders(b: Broker, t: number): void {
  const timeline = b.md.timeline;
  const now = timeline[t]!;
  const next = t + 1 < timeline.length ? timeline[t + 1]! : NaN;
  const day = new Date(now).toISOString().slice(0, 10);
  for (const list of b.live) {
    for (const o of list.slice()) {
      if (o.status === "HELD" || o.placedBar >= t || !o.isOpen) continue;
      const tif = o.tifSpec;
      const left = Math.abs(o.openAmount);
      if (tif.kind === "IOC" && o.firstMatchBar === t) {
        b.cancel(o, `IOC_UNFILLED: ${left} of ${Math.abs(o.amount)} shares did not fill on the first bar`);
      } else if (tif.kind === "FOK" && o.firstMatchBar === t) {
        b.cancel(o, `FOK_UNFILLED: the order could not fill completely on the first bar`);
      } else if (tif.kind === "DAY") {
        const session = sessionOf(timeline[o.placedBar + 1]!);
        const ends = sessionOf(now) > session || (sessionOf(now) === session && !(sessionOf(next) === session));
        if (ends && Number.isFinite(next)) expire(b, o, `EXPIRED_DAY: day order not filled by the end of ${day}'s session`);
      } else if (tif.kind === "GTD" && Number.isFinite(next) && (next > tif.until || now > tif.until)) {
        expire(b, o, `EXPIRED_GTD: not filled by ${tif.label}`);
      }
    }
  }
}

function expire(b: Broker, o: Parameters<Broker["cancel"]>[0], reason: string): void {
  b.transition(o, "OrderExpired", reason);
  b.afterDone(o, Infinity);
}
