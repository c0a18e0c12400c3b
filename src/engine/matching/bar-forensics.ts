import type { OrderSnapshot } from "../events";
import type { OrderStatus } from "../orders/order-status";
import { orderLabel } from "../orders/order-label";
import type { SameBarPolicy } from "../settings/same-bar-setting";
import { fillModelByName } from "./fill-model";
import type {
  AmbiguousPair,
  BarForensics,
  FillWhy,
  ForensicsBar,
  ForensicsInput,
  ForensicsOrderRow,
  OrderOnBar,
  PathMark,
  PathPoint,
} from "./bar-forensics-types";
import { ambiguousPair, type PathHit, PricePath } from "./price-path";
import { describeOrderOnBar, describePair } from "./bar-forensics-text";

export type * from "./bar-forensics-types";

const ENDED: ReadonlySet<string> = new Set(["FILLED", "CANCELLED", "REJECTED", "EXPIRED"]);

/**
 * Explains one bar: the path the engine assumed (its own fill model), every order working on it,
 * the point where the path let each trigger or fill, and why each did what the run recorded.
 * Pure: reads the run's orders, fills and stop moves; re-walks the path with the matcher's rules.
 */
export function explainBar(input: ForensicsInput): BarForensics {
  const { bar } = input;
  const model = fillModelByName(input.fillModel);
  const path = new PricePath();
  model.buildPath(bar.open, bar.high, bar.low, bar.close, path);
  const points: PathPoint[] = [];
  for (let k = 0; k < path.n; k++) points.push({ tau: k, price: path.p[k]!, label: pointLabel(path, k, bar) });

  const working = workingOrders(input, model.childrenSameBar);
  const out: OrderOnBar[] = [];
  const byId = new Map<string, OrderOnBar>();
  // Parents first: a bracket child starts where its entry filled on this bar.
  for (const { row, released } of working) {
    const o = row.order;
    const parent = released && o.parentId ? byId.get(o.parentId) : undefined;
    const from = released ? (parent?.reach?.tau ?? 0) : 0;
    const entry = onBar(input, row, path, from);
    byId.set(o.id, entry);
    out.push(entry);
  }
  const ambiguous = resolvePairs(out, input.samePolicy);
  // In the order the path reaches them, the ones it never reaches last.
  const at = (x: OrderOnBar) => x.reach?.tau ?? Number.MAX_VALUE;
  out.sort((a, b) => at(a) - at(b));
  for (const e of out) e.text = describeOrderOnBar(e, points, ambiguous, input);
  for (const p of ambiguous) p.text = describePair(p, out, points, input.tick);
  const { symbol, tick, fillModel } = input;
  return { symbol, tick, bar, fillModel, path: points, orders: out, ambiguous };
}

function pointLabel(path: PricePath, k: number, bar: ForensicsBar): PathPoint["label"] {
  if (k === path.n - 1) return "close";
  if (k === 0) return "open";
  // The same choice as the ohlc model: the low first when it is at least as near the open.
  const lowFirst = bar.open - bar.low <= bar.high - bar.open;
  return (k === 1) === lowFirst ? "low" : "high";
}

/** Orders of the symbol matched against this bar, parents before their children. */
function workingOrders(input: ForensicsInput, childrenSameBar: boolean) {
  const dt = input.bar.dt;
  const list: { row: ForensicsOrderRow; released: boolean }[] = [];
  for (const row of Object.values(input.orders)) {
    const o = row.order;
    if (o.symbol !== input.symbol || o.createdAt >= dt) continue;
    let before: OrderStatus | null = null;
    let released = false;
    for (const h of row.history) {
      if (h.dt < dt) before = h.status;
      else if (h.dt === dt && h.event === "OrderReleased") released = true;
    }
    if (before === null || ENDED.has(before)) continue;
    if (before === "HELD" && !(released && childrenSameBar)) continue;
    list.push({ row, released: before === "HELD" });
  }
  // Children released on this bar after the orders that were already working (their entries).
  return [...list.filter((x) => !x.released), ...list.filter((x) => x.released)];
}

function levelAt(input: ForensicsInput, o: OrderSnapshot): number | null {
  if (o.type !== "trailingStop") return o.stop;
  let stop = o.stop;
  for (const m of input.stopMoves) if (m.orderId === o.id && m.dt < input.bar.dt) stop = m.stop;
  return stop;
}

function onBar(input: ForensicsInput, row: ForensicsOrderRow, path: PricePath, from: number): OrderOnBar {
  const o = row.order;
  const dt = input.bar.dt;
  const buy = o.amount > 0;
  const stop = levelAt(input, o);
  const filledBefore = lastBefore(row, dt)?.filled ?? 0;
  const restAsMarket = (o.type === "stop" || o.type === "trailingStop") && filledBefore !== 0;
  const hit: PathHit = { tau: 0, price: 0 };
  const mark = (tau: number, level: number | null): PathMark | null =>
    tau < 0 ? null : { tau, price: hit.price, gap: level !== null && hit.price !== level };
  let trigger: PathMark | null = null;
  let reach: PathMark | null = null;
  switch (o.type) {
    case "market":
      reach = { tau: from, price: path.priceAt(from), gap: false };
      break;
    case "limit":
      reach = mark(path.touch(buy ? -1 : 1, o.limit!, from, hit), o.limit);
      break;
    case "stop":
    case "trailingStop":
      // As the matcher: a stop that filled in part on an earlier bar is a market order for the rest.
      if (restAsMarket) reach = { tau: from, price: path.priceAt(from), gap: false };
      else reach = mark(path.touch(buy ? 1 : -1, stop!, from, hit), stop);
      break;
    case "stopLimit": {
      const triggeredBefore = row.history.some((h) => h.dt < dt && h.event === "OrderTriggered");
      let at = from;
      if (!triggeredBefore) {
        trigger = mark(path.touch(buy ? 1 : -1, stop!, from, hit), stop);
        if (!trigger) break;
        at = trigger.tau;
        if (buy ? trigger.price <= o.limit! : trigger.price >= o.limit!) {
          reach = trigger;
          break;
        }
      }
      reach = mark(path.touch(buy ? -1 : 1, o.limit!, at, hit), o.limit);
      break;
    }
  }
  const fills = input.fills.filter((f) => f.orderId === o.id && f.dt === dt);
  const filled = fills.reduce((s, f) => s + f.amount, 0);
  const avg = (k: "price" | "basePrice") =>
    fills.length === 0
      ? null
      : fills.reduce((s, f) => s + Math.abs(f.amount) * (f[k] ?? f.price), 0) / Math.abs(filled);
  const today = row.history.filter((h) => h.dt === dt);
  const ended = today.find((h) => h.event === "OrderCancelled" || h.event === "OrderExpired");
  const outcome: OrderOnBar["outcome"] =
    ended?.event === "OrderCancelled"
      ? "cancelled"
      : ended?.event === "OrderExpired"
        ? "expired"
        : today.some((h) => h.event === "OrderFilled")
          ? "filled"
          : filled !== 0
            ? "partly filled"
            : today.some((h) => h.event === "OrderTriggered")
              ? "triggered"
              : "working";
  // The reason of a cancel is kept on the order's last snapshot, which is this cancel when it ended here.
  const reason = ended && o.updatedAt === dt ? o.reason : null;
  return {
    orderId: o.id,
    label: orderLabel(o),
    side: buy ? "buy" : "sell",
    type: o.type,
    ocoId: o.ocoId,
    stop,
    limit: o.limit,
    from,
    restAsMarket,
    open: Math.abs(o.amount) - Math.abs(filledBefore),
    trigger,
    reach,
    filled,
    fillPrice: avg("price"),
    basePrice: avg("basePrice"),
    outcome,
    reason,
    why: whyOf(
      restAsMarket ? "market" : o.type,
      reach,
      filled,
      outcome,
      reason,
      Math.abs(o.amount) - Math.abs(filledBefore),
      input.volumeLimit,
    ),
    text: "",
  };
}

function lastBefore(row: ForensicsOrderRow, dt: number) {
  let last: ForensicsOrderRow["history"][number] | undefined;
  for (const h of row.history) if (h.dt < dt) last = h;
  return last;
}

function whyOf(
  type: OrderSnapshot["type"],
  reach: PathMark | null,
  filled: number,
  outcome: OrderOnBar["outcome"],
  reason: string | null,
  open: number,
  volumeLimit: number | null,
): FillWhy[] {
  const why: FillWhy[] = [];
  const code = reason?.split(":")[0] ?? "";
  if (reach && (filled !== 0 || code === "INSUFFICIENT_FUNDS" || code === "MAX_LEVERAGE" || code === "FOK_UNFILLED"))
    why.push(type === "market" ? "market" : reach.gap ? "gap" : "touch");
  if (code === "INSUFFICIENT_FUNDS" || code === "MAX_LEVERAGE") why.push("cash");
  else if (
    code === "FOK_UNFILLED" ||
    (reach && Math.abs(filled) < open && outcome !== "cancelled" && volumeLimit !== null)
  )
    why.push("volume cap");
  if (code === "OCO") why.push("oco");
  else if (outcome === "cancelled" && !why.includes("cash") && !why.includes("volume cap")) why.push("cancelled");
  if (outcome === "expired") why.push("expired");
  if (!reach && outcome !== "cancelled") why.push("not reached");
  return why;
}

/**
 * The matcher's rule: a bar is ambiguous for a live pair when both legs could fill on it (unless
 * one alone fills at the point the pair started from, `ambiguousPair`); the
 * policy then puts the stop-type or the limit-type leg first (under `path` the earlier one).
 */
function resolvePairs(orders: OrderOnBar[], policy: SameBarPolicy): AmbiguousPair[] {
  const pairs: AmbiguousPair[] = [];
  const isStop = (x: OrderOnBar) => x.type !== "limit" && x.type !== "market";
  const canFill = (x: OrderOnBar) => x.reach !== null;
  for (let i = 0; i < orders.length; i++) {
    for (let j = i + 1; j < orders.length; j++) {
      const a = orders[i]!;
      const b = orders[j]!;
      if (!canFill(a) || !canFill(b) || a.ocoId === null || a.ocoId !== b.ocoId) continue;
      if (!ambiguousPair(a.reach!.tau, b.reach!.tau, a.from)) continue;
      const stopLeg = isStop(a) ? a : isStop(b) ? b : null;
      const targetLeg = !isStop(a) ? a : !isStop(b) ? b : null;
      if (!stopLeg || !targetLeg || stopLeg === targetLeg) continue;
      const pathFirst = a.reach!.tau <= b.reach!.tau ? a : b;
      const chosen = policy === "stopFirst" ? stopLeg : policy === "targetFirst" ? targetLeg : pathFirst;
      pairs.push({
        stopId: stopLeg.orderId,
        targetId: targetLeg.orderId,
        pathFirst: pathFirst.orderId,
        chosen: chosen.orderId,
        policy,
        text: "",
      });
      if (chosen.filled !== 0 && !chosen.why.includes("same-bar policy")) chosen.why.push("same-bar policy");
    }
  }
  return pairs;
}
