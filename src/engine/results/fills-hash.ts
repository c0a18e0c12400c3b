import type { FillRecord } from "../events";
import { writeShortest } from "./digits";

/**
 * FNV-1a (64-bit) over one canonical line per fill: order id, symbol, time, shares,
 * price (shortest round-trip form) and exact commission. Equal hashes mean the two runs
 * filled the same orders at the same prices; the browser and Node compute it alike.
 * The 64-bit state is four 16-bit limbs in plain numbers (a BigInt per byte was most of the
 * time spent on results); the prime is 2^40 + 0x1b3, so a multiply is one small product per
 * limb plus the state shifted up 40 bits. The line is hashed part by part as it would read,
 * without making it: each number's `String` form written as digits into a scratch buffer.
 */
export function fillsHash(fills: readonly FillRecord[]): string {
  const h = new Fnv64();
  for (const f of fills) {
    h.text(f.orderId);
    h.byte(0x7c);
    h.text(f.symbol);
    h.byte(0x7c);
    h.number(f.dt);
    h.byte(0x7c);
    h.number(f.amount);
    h.byte(0x7c);
    h.number(f.price);
    h.byte(0x7c);
    // A Decimal's String; zero (either sign) is "0".
    if (f.commission.isZero()) h.byte(0x30);
    else h.text(String(f.commission));
    h.byte(0x0a);
  }
  return h.hex();
}

class Fnv64 {
  // 0xcbf29ce484222325, low limb first
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;
  private readonly digits = new DataView(new ArrayBuffer(32));

  /** One byte of the line: a character's code & 0xff. */
  byte(c: number): void {
    const h0 = this.h0 ^ c;
    const h1 = this.h1;
    let r0 = h0 * 0x1b3;
    let r1 = h1 * 0x1b3 + (r0 >>> 16);
    let r2 = this.h2 * 0x1b3 + (h0 << 8) + (r1 >>> 16);
    const r3 = this.h3 * 0x1b3 + (h1 << 8) + (r2 >>> 16);
    r0 &= 0xffff;
    r1 &= 0xffff;
    r2 &= 0xffff;
    this.h0 = r0;
    this.h1 = r1;
    this.h2 = r2;
    this.h3 = r3 & 0xffff;
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i) & 0xff);
  }

  /** `String(x)`'s characters. */
  number(x: number): void {
    const end = writeShortest(this.digits, 0, x);
    if (end < 0) return this.text(String(x));
    for (let i = 0; i < end; i++) this.byte(this.digits.getUint8(i));
  }

  hex(): string {
    const hex = (x: number) => x.toString(16).padStart(4, "0");
    return hex(this.h3) + hex(this.h2) + hex(this.h1) + hex(this.h0);
  }
}
