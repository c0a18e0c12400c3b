import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonBytes } from "../../../src/engine/results/json-bytes";
import { writeJsonValue } from "../../../src/engine/results/json-value";

/** What the writer makes of `v`, read back as text. */
function written(v: unknown, pretty = false, chunkBytes?: number): string {
  const chunks: Uint8Array[] = [];
  const out = new JsonBytes((c) => chunks.push(c.slice()), pretty, chunkBytes ?? 256);
  writeJsonValue(out, v, 0);
  out.flush();
  return Buffer.concat(chunks).toString("utf8");
}

describe("JSON written as bytes", { timeout: 60_000 }, () => {
  it("writes any number as JSON.stringify does", () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(written(x)).toBe(JSON.stringify(x));
      }),
      { numRuns: 3000 },
    );
  });

  it("writes money to the cent, prices to 1e-6 and whole shares digit by digit, as JSON.stringify does", () => {
    const cents = fc.integer({ min: -1e15, max: 1e15 }).map((k) => k / 100);
    const micros = fc.integer({ min: -1e15, max: 1e15 }).map((k) => k / 1e6);
    fc.assert(
      fc.property(fc.oneof(cents, micros, fc.integer()), (x) => {
        expect(written(x)).toBe(JSON.stringify(x));
      }),
      { numRuns: 3000 },
    );
    for (const x of [0, -0, 0.1, 0.3, 1e15 - 1, 1e15, 9999999999999.99, -0.01, 1e-6, 5e-7, NaN, -Infinity])
      expect(written(x), String(x)).toBe(JSON.stringify(x));
  });

  it("escapes and encodes any string as JSON.stringify does, in UTF-8", () => {
    const special = fc.constantFrom("\u0000", "\n", '"', "\\", "\u007f", "\ud800", "\udfff");
    const anyText = fc
      .array(fc.oneof(special, fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 12 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(anyText, (s) => {
        expect(written(s)).toBe(JSON.stringify(s));
      }),
      { numRuns: 1000 },
    );
    // A lone surrogate is escaped; a pair is one 4-byte character.
    expect(written("a\ud800b\udc00")).toBe(JSON.stringify("a\ud800b\udc00"));
    expect(written("€ 🙂")).toBe('"€ 🙂"');
  });

  it("writes nested objects and arrays as JSON.stringify does, indented or not", () => {
    const value = {
      a: [1, "two", null, true, { b: [], c: {} }],
      skipped: undefined,
      fn: () => 1,
      inArray: [undefined, () => 1],
      date: new Date(Date.UTC(2024, 0, 2)),
      nested: { deeper: { list: [[1, 2], []] } },
    };
    expect(written(value)).toBe(JSON.stringify(value));
    expect(written(value, true)).toBe(JSON.stringify(value, null, 2));
  });

  it("keeps a string longer than a chunk whole, in a chunk of its own size", () => {
    const long = "x".repeat(5000);
    const chunks: Uint8Array[] = [];
    const out = new JsonBytes((c) => chunks.push(c.slice()), false, 1024);
    writeJsonValue(out, [long, long], 0);
    out.flush();
    expect(Buffer.concat(chunks).toString("utf8")).toBe(JSON.stringify([long, long]));
  });

  it("writes times as toISOString writes them, the same day or not", () => {
    const times = fc.array(fc.integer({ min: -70_000_000_000_000, max: 260_000_000_000_000 }), { maxLength: 50 });
    fc.assert(
      fc.property(times, (ms) => {
        const chunks: Uint8Array[] = [];
        const out = new JsonBytes((c) => chunks.push(c.slice()), false, 256);
        for (const t of [...ms, ...ms.map((t) => t + 1)]) out.isoString(t);
        out.flush();
        const text = Buffer.concat(chunks).toString("utf8");
        expect(text).toBe(
          [...ms, ...ms.map((t) => t + 1)].map((t) => JSON.stringify(new Date(t).toISOString())).join(""),
        );
      }),
      { numRuns: 500 },
    );
  });
});
