import type { FillRecord } from "../events";

/**
 * FNV-1a (64-bit) over one canonical line per fill: order id, symbol, time, shares,
 * price (shortest round-trip form) and exact commission. Equal hashes mean the two runs
 * filled the same orders at the same prices; the browser and Node compute it alike.
 * The 64-bit state is four 16-bit limbs in plain numbers (a BigInt per byte was most of the
 * time spent on results); the prime is 2^40 + 0x1b3, so a multiply is one small product per
 * limb plus the state shifted up 40 bits.
 */
export function fillsHash(fills: readonly FillRecord[]): string {
  // 0xcbf29ce484222325, low limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const f of fills) {
    const line = `${f.orderId}|${f.symbol}|${f.dt}|${f.amount}|${f.price}|${f.commission}\n`;
    for (let i = 0; i < line.length; i++) {
      h0 ^= line.charCodeAt(i) & 0xff;
      let r0 = h0 * 0x1b3;
      let r1 = h1 * 0x1b3 + (r0 >>> 16);
      let r2 = h2 * 0x1b3 + (h0 << 8) + (r1 >>> 16);
      const r3 = h3 * 0x1b3 + (h1 << 8) + (r2 >>> 16);
      r0 &= 0xffff;
      r1 &= 0xffff;
      r2 &= 0xffff;
      h0 = r0;
      h1 = r1;
      h2 = r2;
      h3 = r3 & 0xffff;
    }
  }
  const hex = (x: number) => x.toString(16).padStart(4, "0");
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}
