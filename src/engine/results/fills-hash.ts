import type { FillRecord } from "../events";

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/**
 * FNV-1a (64-bit) over one canonical line per fill: order id, symbol, time, shares,
 * price (shortest round-trip form) and exact commission. Equal hashes mean the two runs
 * filled the same orders at the same prices; the browser and Node compute it alike.
 */
export function fillsHash(fills: readonly FillRecord[]): string {
  let h = FNV_OFFSET;
  for (const f of fills) {
    const line = `${f.orderId}|${f.symbol}|${f.dt}|${f.amount}|${f.price}|${f.commission}\n`;
    for (let i = 0; i < line.length; i++) {
      h ^= BigInt(line.charCodeAt(i) & 0xff);
      h = (h * FNV_PRIME) & MASK;
    }
  }
  return h.toString(16).padStart(16, "0");
}
