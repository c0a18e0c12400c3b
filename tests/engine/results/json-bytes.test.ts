import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonBytes } from "../../../src/engine/results/json-bytes";
import { writeJsonValue } from "../../../src/engine/results/json-value";

/** What the writer makes of `v`, read back as text (`times`: each `dt` number written as an ISO time). */
function written(v: unknown, pretty = false, chunkBytes?: number, times = false): string {
  const chunks: Uint8Array[] = [];
  const out = new JsonBytes((c) => chunks.push(c.slice()), pretty, chunkBytes ?? 256);
  if (times) {
    out.byte(0x5b);
    (v as { dt: number }[]).forEach((row, i) => {
      if (i > 0) out.byte(0x2c);
      out.byte(0x7b);
      out.key("dt", true, 1);
      out.isoString(row.dt);
      out.byte(0x7d);
    });
    out.byte(0x5d);
  } else writeJsonValue(out, v, 0);
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

  it("writes the times of daily, intraday and irregular bars in a row as toISOString writes them", () => {
    const DAY = 86_400_000;
    // A start anywhere from year 0 to 9999 at any clock, then steps of a day (the clock stays,
    // the date moves), of minutes (the date stays), or of anything.
    const step = fc.oneof(
      fc.constant(DAY),
      fc.integer({ min: 1, max: 600 }).map((m) => m * 60_000),
      fc.nat(40 * DAY),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }),
        fc.array(step, { maxLength: 60 }),
        (start, steps) => {
          const times = [start];
          for (const s of steps) times.push(times.at(-1)! + s);
          expect(
            written(
              times.map((t) => ({ dt: t })),
              false,
              undefined,
              true,
            ),
          ).toBe(JSON.stringify(times.map((t) => ({ dt: new Date(t).toISOString() }))));
        },
      ),
      { numRuns: 500 },
    );
  });
});
