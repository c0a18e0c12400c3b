import { readFileSync } from "node:fs";
import { deflateSync, strToU8 } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toBase64url } from "../../src/share/base64url";
import { fnv1a32 } from "../../src/share/checksum";
import {
  decodeShareLink,
  encodeLinkFragment,
  MAX_LINK_CHARS,
  MAX_PAYLOAD_BYTES,
  shareUrl,
} from "../../src/share/link-codec";
import type { SharedStrategy } from "../../src/share/shared-strategy";

const SAMPLE: SharedStrategy = {
  name: "Buy And Hold",
  code: 'export default class BuyAndHold {}\n// "é€😀"',
  settings: { run: { cash: 50_000 } },
  data: { bundled: ["SPY", "QQQ"], imported: [{ name: "MINE.csv", symbols: ["MINE"] }] },
  fillsHash: "8c5fc3b499b76361",
  app: "0.1.0",
};

/** A v1 link around any bytes, with a correct header: for payloads the encoder would never make. */
function rawLink(json: Uint8Array): string {
  const body = deflateSync(json);
  const bytes = new Uint8Array(8 + body.length);
  new DataView(bytes.buffer).setUint32(0, body.length);
  new DataView(bytes.buffer).setUint32(4, fnv1a32(body));
  bytes.set(body, 8);
  return `v1/${toBase64url(bytes)}`;
}

function kindOf(text: string): string {
  const r = decodeShareLink(text);
  return r.ok ? "ok" : r.error.kind;
}

// Settings a link can carry: any mix of changed run settings, a symbol choice and a time limit.
const settingsArb = fc.record(
  {
    run: fc.record(
      {
        cash: fc.integer({ min: 1, max: 1e9 }),
        fillModel: fc.constantFrom("ohlc", "close"),
        sameBarPolicy: fc.constantFrom("path", "stopFirst", "targetFirst"),
        start: fc.constantFrom("2015-01-02", "2019-06-30"),
        commission: fc.oneof(
          fc.record({ model: fc.constant("PerTrade"), cost: fc.double({ min: 0, max: 100, noNaN: true }) }),
          fc.constant({ model: "NoCommission" }),
        ),
      },
      { requiredKeys: [] },
    ),
    symbols: fc.array(fc.constantFrom("SPY", "QQQ", "MINE"), { minLength: 1 }),
    timeLimitSec: fc.integer({ min: 1, max: 3600 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>;
const linkArb: fc.Arbitrary<SharedStrategy> = fc.record({
  name: fc.string(),
  code: fc.string({ unit: "grapheme", maxLength: 2000 }),
  settings: settingsArb,
  data: fc.record({
    bundled: fc.array(fc.string()),
    imported: fc.array(
      fc.oneof(
        fc.record({ name: fc.string(), symbols: fc.array(fc.string()) }),
        fc.record({ name: fc.string(), symbols: fc.array(fc.string()), csv: fc.string() }),
      ),
    ),
  }),
  fillsHash: fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9a-f]{16}$/)),
  app: fc.string(),
});

describe("share link codec", () => {
  it("gives back the code, settings and data of any link it made", () => {
    fc.assert(
      fc.property(linkArb, (link) => {
        const r = decodeShareLink(encodeLinkFragment(link));
        expect(r).toEqual({ ok: true, link, version: 1 });
      }),
      { numRuns: 200 },
    );
  });

  it("reads a whole URL, a #fragment and a bare fragment alike, and tolerates line breaks", () => {
    const f = encodeLinkFragment(SAMPLE);
    const url = shareUrl("http://localhost:5173/?x=1#old", f);
    expect(url.startsWith("http://localhost:5173/?x=1#v1/")).toBe(true);
    for (const text of [url, `#${f}`, f, `  ${f.slice(0, 20)}\n${f.slice(20)}  `])
      expect(decodeShareLink(text)).toEqual({ ok: true, link: SAMPLE, version: 1 });
  });

  it("starts with the version prefix and holds only base64url after it", () => {
    expect(encodeLinkFragment(SAMPLE)).toMatch(/^v1\/[A-Za-z0-9_-]+$/);
  });

  it("compresses: a 200-line strategy makes a link far shorter than its code", () => {
    const code = Array.from({ length: 200 }, (_, i) => `    const x${i} = data.current(context.asset, "close");`).join(
      "\n",
    );
    expect(encodeLinkFragment({ ...SAMPLE, code }).length).toBeLessThan(code.length / 4);
  });

  it("says a link cut anywhere after v1/ is truncated", () => {
    const f = encodeLinkFragment(SAMPLE);
    for (let cut = 3; cut < f.length; cut++) expect(kindOf(f.slice(0, cut)), `cut at ${cut}`).toBe("truncated");
  });

  it("refuses every single-character change to a link, mostly as tampered", () => {
    const f = encodeLinkFragment(SAMPLE);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    fc.assert(
      fc.property(fc.integer({ min: 3, max: f.length - 1 }), fc.constantFrom(...alphabet), (i, c) => {
        fc.pre(f[i] !== c);
        const kind = kindOf(f.slice(0, i) + c + f.slice(i + 1));
        // A changed length field reads as a cut link; everything else fails the checksum.
        expect(i < 3 + 6 ? ["tampered", "truncated", "oversized"] : ["tampered"]).toContain(kind);
      }),
      { numRuns: 300 },
    );
  });

  it("names a character that cannot be in a link", () => {
    const f = encodeLinkFragment(SAMPLE);
    const r = decodeShareLink(f.slice(0, 10) + "*" + f.slice(11));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("tampered");
      expect(r.error.message).toContain("character 8");
    }
  });

  it("says a link from a newer playground needs an update, and an unknown old version is unknown", () => {
    const f = encodeLinkFragment(SAMPLE).replace(/^v1\//, "v2/");
    const r = decodeShareLink(f);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("unknown-version");
      expect(r.error.message).toMatch(/newer playground.*version 2/);
    }
    expect(kindOf("v0/AAAA")).toBe("unknown-version");
  });

  it("says links of other sites are not ours", () => {
    for (const text of [
      "",
      "https://example.com/",
      "#code/PTAEAA",
      "https://www.typescriptlang.org/play#code/abc",
      "v1",
    ])
      expect(kindOf(text), text).toBe("not-ours");
  });

  it("refuses a link longer than any browser keeps, before decoding it", () => {
    expect(kindOf("v1/" + "A".repeat(MAX_LINK_CHARS))).toBe("oversized");
  });

  it("refuses a zip bomb: a small link that unpacks past the payload limit", () => {
    const bomb = rawLink(new Uint8Array(MAX_PAYLOAD_BYTES + 1).fill(32));
    expect(bomb.length).toBeLessThan(20_000);
    expect(kindOf(bomb)).toBe("oversized");
  });

  it("calls a well-formed link whose contents are not a strategy tampered, naming the field", () => {
    const r = decodeShareLink(rawLink(strToU8(JSON.stringify({ ...SAMPLE, code: 42 }))));
    expect(r).toEqual({
      ok: false,
      error: { kind: "tampered", message: "This link's contents are not a strategy: it holds no code." },
    });
    expect(kindOf(rawLink(strToU8("not json")))).toBe("tampered");
    expect(kindOf(rawLink(new Uint8Array([0xff, 0xfe, 0x00])))).toBe("tampered");
    expect(kindOf(rawLink(strToU8(JSON.stringify({ ...SAMPLE, fillsHash: "<script>" }))))).toBe("tampered");
  });

  it("calls a link with a setting the panel would refuse tampered, naming the setting", () => {
    const r = decodeShareLink(encodeLinkFragment({ ...SAMPLE, settings: { run: { cash: -5, fillModel: "gut" } } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe("tampered");
    expect(r.error.message).toMatch(/settings are not valid: .*cash.*fillModel/);
    expect(kindOf(encodeLinkFragment({ ...SAMPLE, settings: { colour: "red" } }))).toBe("tampered");
  });

  it("refuses a __proto__ key in a link's settings without changing any object", () => {
    const r = decodeShareLink(
      rawLink(
        strToU8(
          `{"name":"x","code":"","settings":{"__proto__":{"polluted":1}},"data":{"bundled":[],"imported":[]},"fillsHash":null,"app":"0"}`,
        ),
      ),
    );
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("share link fixtures: links made by earlier versions keep opening", () => {
  it("opens the version 1 fixture with its name, code, settings, data and hash", () => {
    const r = decodeShareLink(readFileSync(new URL("./fixtures/v1.txt", import.meta.url), "utf8"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.version).toBe(1);
    expect(r.link.name).toBe("Fixture Strategy");
    expect(r.link.code).toContain("export default class FixtureStrategy extends TradingAlgorithm");
    expect(r.link.code).toContain('// "quotes", unicode: é €');
    expect(r.link.settings).toEqual({ run: { cash: 25000, fillModel: "close" } });
    expect(r.link.data.bundled).toEqual(["SPY"]);
    expect(r.link.data.imported).toEqual([
      { name: "TINY.csv", symbols: ["TINY"], csv: "date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,100\n" },
      { name: "BIG.csv", symbols: ["BIG"] },
    ]);
    expect(r.link.fillsHash).toBe("0123456789abcdef");
    expect(r.link.app).toBe("0.1.0");
  });
});
