import { describeValue } from "../excerpt";
import { StrategyError } from "../strategy-error";
import { DAY_MS, isoDate, utcDay } from "../data/utc-day";

/** Time in force. GTC by default; GTD carries the last date (inclusive) the order may live. */
export type TimeInForce = "GTC" | "DAY" | "IOC" | "FOK" | { gtd: Date | string };

/** The engine's normalized form: GTD as Unix ms of the end of its UTC date. */
export type Tif = { kind: "GTC" | "DAY" | "IOC" | "FOK" } | { kind: "GTD"; until: number; label: string };

type SimpleKind = "GTC" | "DAY" | "IOC" | "FOK";
const simple = (kind: SimpleKind): Tif => Object.freeze({ kind });
/** One frozen Tif per simple kind, shared by every order that has it (an order keeps its Tif). */
const SIMPLE: Readonly<Record<SimpleKind, Tif>> = {
  GTC: simple("GTC"),
  DAY: simple("DAY"),
  IOC: simple("IOC"),
  FOK: simple("FOK"),
};
export const GTC = SIMPLE.GTC;

export function normalizeTif(tif: unknown): Tif {
  if (tif === undefined) return GTC;
  if (tif === "GTC" || tif === "DAY" || tif === "IOC" || tif === "FOK") return SIMPLE[tif];
  if (tif !== null && typeof tif === "object" && "gtd" in tif) {
    const gtd: unknown = (tif as { gtd: unknown }).gtd;
    const ms =
      gtd instanceof Date || typeof gtd === "number"
        ? new Date(gtd).getTime()
        : typeof gtd === "string"
          ? Date.parse(gtd)
          : NaN;
    if (!Number.isFinite(ms)) throw new StrategyError(`tif.gtd is not a valid date: ${describeValue(gtd)}`);
    const dayStart = utcDay(ms) * DAY_MS;
    return { kind: "GTD", until: dayStart + DAY_MS - 1, label: isoDate(dayStart) };
  }
  throw new StrategyError(`tif must be "GTC", "DAY", "IOC", "FOK" or { gtd: date }, got ${describeValue(tif)}`);
}

export function tifLabel(tif: Tif): string {
  return tif.kind === "GTD" ? `GTD:${tif.label}` : tif.kind;
}
