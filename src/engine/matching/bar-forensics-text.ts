import { formatPrice } from "../price-text";
import { volumeCap } from "./slippage";
import type { AmbiguousPair, ForensicsInput, OrderOnBar, PathMark, PathPoint } from "./bar-forensics-types";

/** A price in the sentences, in the symbol's decimals. */
type Px = (p: number) => string;
const pxOf =
  (tick: number | undefined): Px =>
  (p) =>
    formatPrice(p, tick);
const shares = (n: number) => Math.abs(n).toLocaleString("en-US");

/** Where on the path a position is, in words: "at the open 100.00", "on the way from the low 97.00 up to the high 104.00". */
export function whereOnPath(tau: number, points: readonly PathPoint[], px: Px): string {
  const k = Math.floor(tau);
  const at = points[Math.min(k, points.length - 1)]!;
  if (tau === k || k >= points.length - 1) return `at the ${at.label} ${px(at.price)}`;
  const next = points[k + 1]!;
  const dir = next.price >= at.price ? "up" : "down";
  return `on the way from the ${at.label} ${px(at.price)} ${dir} to the ${next.label} ${px(next.price)}`;
}

function levelsText(e: OrderOnBar, px: Px): string {
  const kind =
    e.type === "market"
      ? "market"
      : e.type === "limit"
        ? `limit ${px(e.limit!)}`
        : e.type === "stopLimit"
          ? `stop ${px(e.stop!)} limit ${px(e.limit!)}`
          : e.type === "trailingStop"
            ? `trailing stop at ${px(e.stop!)}`
            : `stop ${px(e.stop!)}`;
  return `${e.label} (${e.orderId}, ${e.side} ${shares(e.open)}, ${kind})`;
}

function reachText(m: PathMark, e: OrderOnBar, points: readonly PathPoint[], px: Px): string {
  if (e.type === "market") return `a market order takes the first price it sees, ${whereOnPath(m.tau, points, px)}`;
  if (e.restAsMarket) {
    return `market: its stop was hit on an earlier bar, so the rest is a market order and takes the first price it sees, ${whereOnPath(m.tau, points, px)}`;
  }
  if (m.gap) {
    const start = m.tau === 0 ? "the bar opened" : "its bracket entry filled";
    const worse = e.type === "limit" ? "the better price" : "the worse price: nobody could trade at the level";
    return `gap: ${start} at ${px(m.price)}, already through ${px(levelOf(e))}, so the price there counts (${worse})`;
  }
  return `touch: the price reached ${px(m.price)} ${whereOnPath(m.tau, points, px)} (touching a level counts)`;
}

function levelOf(e: OrderOnBar): number {
  return e.type === "limit" || (e.type === "stopLimit" && e.trigger === null) ? e.limit! : (e.stop ?? e.limit!);
}

/** The ambiguous pair in one sentence: both legs could fill, which the path reaches first, which the policy chose. */
export function describePair(
  p: AmbiguousPair,
  orders: readonly OrderOnBar[],
  points: readonly PathPoint[],
  tick: number | undefined,
): string {
  const leg = (id: string) => orders.find((o) => o.orderId === id);
  const name = (id: string) => `${leg(id)?.label ?? "leg"} ${id}`;
  const first = leg(p.pathFirst);
  const where = first?.reach ? ` (${whereOnPath(first.reach.tau, points, pxOf(tick))})` : "";
  const policy =
    p.policy === "path"
      ? `the same-bar policy \`path\` follows the path: ${name(p.chosen)} filled`
      : `the same-bar policy \`${p.policy}\` puts the ${p.chosen === p.stopId ? "stop" : "target"} first: ${name(p.chosen)} filled`;
  return `Ambiguous bar: both ${name(p.stopId)} and ${name(p.targetId)} could fill. The path reaches ${name(p.pathFirst)} first${where}; ${policy}.`;
}

/** One order's story on the bar, in a sentence or three. */
export function describeOrderOnBar(
  e: OrderOnBar,
  points: readonly PathPoint[],
  pairs: readonly AmbiguousPair[],
  input: ForensicsInput,
): string {
  const px = pxOf(input.tick);
  const parts: string[] = [];
  if (e.from > 0) parts.push(`active from ${whereOnPath(e.from, points, px)}, where its entry filled`);
  if (e.trigger) {
    parts.push(
      `the stop ${px(e.stop!)} triggered ${e.trigger.gap ? `on a gap at ${px(e.trigger.price)}` : whereOnPath(e.trigger.tau, points, px)}`,
    );
  }
  if (e.reach) parts.push(reachText(e.reach, e, points, px));
  else if (!e.trigger && e.type !== "market") parts.push(notReached(e, input, px));
  else if (e.trigger) parts.push(`the limit ${px(e.limit!)} was not reached after that`);
  for (const p of pairs) {
    if (p.stopId !== e.orderId && p.targetId !== e.orderId) continue;
    if (p.chosen === e.orderId)
      parts.push(
        `the same-bar policy \`${p.policy}\` chose this leg${p.pathFirst === e.orderId ? "" : " over the one the path reaches first"}`,
      );
    else parts.push(`the other leg went first (same-bar policy \`${p.policy}\`)`);
  }
  if (e.filled !== 0) {
    const slip = e.basePrice !== null && e.fillPrice !== null && Math.abs(e.fillPrice - e.basePrice) > 1e-9;
    parts.push(
      `filled ${shares(e.filled)} at ${px(e.fillPrice!)}${slip ? ` (${px(e.basePrice!)} before slippage)` : ""}`,
    );
  }
  if (e.why.includes("volume cap")) parts.push(volumeText(e, input));
  if (e.outcome === "cancelled" && e.reason)
    parts.push(`${e.why.includes("cash") ? "cash: " : "cancelled: "}${e.reason}`);
  if (e.outcome === "expired") parts.push("expired at the end of the bar");
  if (e.outcome === "working" && e.filled === 0 && e.reach && !e.why.includes("volume cap"))
    parts.push("still working after the bar");
  const text = parts.join("; ");
  return `${levelsText(e, px)}: ${text}.`;
}

function notReached(e: OrderOnBar, input: ForensicsInput, px: Px): string {
  const { high, low } = input.bar;
  const lvl = e.type === "stopLimit" ? e.stop! : levelOf(e);
  return `not reached: the path never got to ${px(lvl)} (low ${px(low)}, high ${px(high)})`;
}

function volumeText(e: OrderOnBar, input: ForensicsInput): string {
  const v = input.bar.volume;
  if (e.reason?.startsWith("FOK_UNFILLED")) return `volume cap: ${e.reason}`;
  const cap = volumeCap(input.volumeLimit, v);
  const left = e.open - Math.abs(e.filled);
  return `volume cap: at most ${shares(cap)} shares may fill on this bar (${(input.volumeLimit! * 100).toFixed(1)}% of its volume ${shares(v)}, shared by the symbol's orders), so ${shares(left)} carry to the next bar`;
}
