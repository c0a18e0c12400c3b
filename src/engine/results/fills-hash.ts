import type { FillRecord } from "../events";

/**
 * FNV-1a (64-bit) over one canonical line per fill: order id, symbol, time, shares,
 * price (shortest round-trip form) and exact commission. Equal hashes mean the two runs
 * filled the same orders at the same prices; the browser and Node compute it alike.
 * The 64-bit state is four 16-bit limbs in plain numbers (a BigInt per byte was most of the
 * time spent on results); the prime is 2^40 + 0x1b3, so a multiply is one small product per
 * limb plus the state shifted up 40 bits. Each piece of a line is hashed as it is, each number
 * as V8's own `String` of it, no line made: this runs once a run, in a fresh worker or a CLI
 * process before V8 has optimized anything, where digits written by JavaScript one at a time cost
 * more than the hashing (and text joined into lines allocated 3 MB for B1's 7,730 fills).
 */
export function fillsHash(fills: readonly FillRecord[]): string {
  const h = new Fnv64();
  for (let i = 0; i < fills.length; i++) {
    const f = fills[i]!;
    h.update(f.orderId);
    h.update("|");
    h.update(f.symbol);
    h.update("|");
    h.update(String(f.dt));
    h.update("|");
    h.update(String(f.amount));
    h.update("|");
    h.update(String(f.price));
    h.update("|");
    h.update(f.commission.isZero() ? "0" : String(f.commission));
    h.update("\n");
  }
  return h.hex();
}

class Fnv64 {
  // 0xcbf29ce484222325, low limb first
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  /** Each character of `text` as one byte (its UTF-16 code & 0xff), in order. */
  update(text: string): void {
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    for (let i = 0; i < text.length; i++) {
      const x0 = h0 ^ (text.charCodeAt(i) & 0xff);
      // × (2^40 + 0x1b3): each limb times 0x1b3, plus the state shifted up 40 bits (limbs 2 and 3
      // get limbs 0 and 1 shifted up 8), carries passed up; every value stays a small integer.
      let r0 = x0 * 0x1b3;
      let r1 = h1 * 0x1b3 + (r0 >>> 16);
      let r2 = h2 * 0x1b3 + (x0 << 8) + (r1 >>> 16);
      const r3 = h3 * 0x1b3 + (h1 << 8) + (r2 >>> 16);
      r0 &= 0xffff;
      r1 &= 0xffff;
      r2 &= 0xffff;
      h0 = r0;
      h1 = r1;
      h2 = r2;
      h3 = r3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
  }

  hex(): string {
    const hex = (x: number) => x.toString(16).padStart(4, "0");
    return hex(this.h3) + hex(this.h2) + hex(this.h1) + hex(this.h0);
  }
}
