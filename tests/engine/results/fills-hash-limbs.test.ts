import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../../src/engine/account/money";
import type { FillRecord } from "../../../src/engine/events";
import { fillsHash } from "../../../src/engine/results/fills-hash";

/** FNV-1a 64 written the plain way, with BigInt, as the definition to compare with. */
function reference(fills: readonly FillRecord[]): string {
  let h = 0xcbf29ce484222325n;
  for (const f of fills) {
    const line = `${f.orderId}|${f.symbol}|${f.dt}|${f.amount}|${f.price}|${f.commission}\n`;
    for (let i = 0; i < line.length; i++)
      h = ((h ^ BigInt(line.charCodeAt(i) & 0xff)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

const fill = fc.record({
  orderId: fc.integer({ min: 1, max: 1e6 }).map((n) => `o${n}`),
  // Any characters: the line hashes each UTF-16 unit's low byte.
  symbol: fc.string({ unit: "binary", minLength: 1, maxLength: 6 }),
  sid: fc.constant(0),
  bar: fc.nat(),
  dt: fc.integer({ min: -7e13, max: 2.6e14 }),
  amount: fc.integer({ min: -1e6, max: 1e6 }),
  // Prices as data has them (a few decimals), with long tails (trailing stops), and huge or tiny.
  price: fc.oneof(
    fc.integer({ min: 1, max: 1e10 }).map((k) => k / 1e4),
    fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    fc.double({ min: 1e-9, max: 1e22, noNaN: true }),
  ),
  commission: fc
    .oneof(
      fc.constant(0),
      fc.constant(-0),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 1e-12, max: 1e-6 }),
    )
    .map((c) => money(c)),
});

describe("the fills hash", () => {
  it("is FNV-1a 64 over the canonical fill lines", () => {
    expect(fillsHash([])).toBe("cbf29ce484222325");
    fc.assert(
      fc.property(fc.array(fill, { maxLength: 5 }), (fills) => {
        expect(fillsHash(fills)).toBe(reference(fills));
      }),
      { numRuns: 1000 },
    );
  });
  it("hashes many fills, and a line longer than its scratch buffer, as one stream of lines", () => {
    const many = fc.sample(fill, { numRuns: 3000, seed: 7 });
    expect(fillsHash(many)).toBe(reference(many));
    const long = { ...many[0]!, symbol: "S".repeat(70_000) + "é" };
    expect(fillsHash([many[1]!, long, many[2]!])).toBe(reference([many[1]!, long, many[2]!]));
  });
});
