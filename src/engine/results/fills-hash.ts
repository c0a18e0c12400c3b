import type { FillRecord } from "../events";
import { writeShortest } from "./digits";

/**
 * FNV-1a (64-bit) over one canonical line per fill: order id, symbol, time, shares,
 * price (shortest round-trip form) and exact commission. Equal hashes mean the two runs
 * filled the same orders at the same prices; the browser and Node compute it alike.
 * The 64-bit state is four 16-bit limbs in plain numbers (a BigInt per byte was most of the
 * time spent on results); the prime is 2^40 + 0x1b3, so a multiply is one small product per
 * limb plus the state shifted up 40 bits. The lines are written as they would read into a
 * scratch buffer (each number's `String` form as digits), and the buffer is hashed in one loop
 * whenever it is nearly full: a call per byte, run cold once per run, cost more than the hashing.
 */
export function fillsHash(fills: readonly FillRecord[]): string {
  const h = new Fnv64();
  const w = new LineWriter(h);
  // Index loops here and in the results' other once-a-run passes: until V8 optimizes them,
  // `for…of` makes an iterator result per element (under SES's lockdown too).
  for (let i = 0; i < fills.length; i++) {
    const f = fills[i]!;
    w.text(f.orderId);
    w.byte(0x7c);
    w.text(f.symbol);
    w.byte(0x7c);
    w.number(f.dt);
    w.byte(0x7c);
    w.number(f.amount);
    w.byte(0x7c);
    w.number(f.price);
    w.byte(0x7c);
    // A Decimal's String; zero (either sign) is "0".
    if (f.commission.isZero()) w.byte(0x30);
    else w.text(String(f.commission));
    w.byte(0x0a);
  }
  w.flush();
  return h.hex();
}

/** Bytes of the scratch buffer; a number takes at most 32 of them. */
const BUFFER_BYTES = 1 << 16;
const NUMBER_BYTES = 32;

/**
 * Writes the lines' bytes (each character's code & 0xff) into a scratch buffer and hands them to
 * the hash when it is nearly full. Through a DataView: under SES's lockdown a Uint8Array store by
 * index is many times slower (docs/cli.md).
 */
class LineWriter {
  private readonly view = new DataView(new ArrayBuffer(BUFFER_BYTES));
  private p = 0;

  constructor(private readonly hash: Fnv64) {}

  byte(c: number): void {
    if (this.p === BUFFER_BYTES) this.flush();
    this.view.setUint8(this.p++, c);
  }

  text(s: string): void {
    const n = s.length;
    if (this.p + n > BUFFER_BYTES) this.flush();
    if (n > BUFFER_BYTES) {
      for (let i = 0; i < n; i++) this.byte(s.charCodeAt(i) & 0xff);
      return;
    }
    const view = this.view;
    let p = this.p;
    for (let i = 0; i < n; i++) view.setUint8(p++, s.charCodeAt(i) & 0xff);
    this.p = p;
  }

  /** `String(x)`'s characters. */
  number(x: number): void {
    if (this.p + NUMBER_BYTES > BUFFER_BYTES) this.flush();
    const end = writeShortest(this.view, this.p, x);
    if (end < 0) this.text(String(x));
    else this.p = end;
  }

  flush(): void {
    this.hash.update(this.view, this.p);
    this.p = 0;
  }
}

class Fnv64 {
  // 0xcbf29ce484222325, low limb first
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  /** The first `length` bytes of `view`, in order. */
  update(view: DataView, length: number): void {
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    for (let i = 0; i < length; i++) {
      const x0 = h0 ^ view.getUint8(i);
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
