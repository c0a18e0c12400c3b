import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { linkSettingsOf, readLinkSettings } from "../../src/share/link-settings";

const DEFAULTS = { run: { ...DEFAULT_SETTINGS }, symbols: [] as string[], timeLimitSec: 60 };

describe("a link carries only the settings that differ from the defaults", () => {
  it("carries nothing for the defaults", () => {
    expect(linkSettingsOf(DEFAULTS, 60)).toEqual({});
  });

  it("carries a changed cash, a symbol choice and a time limit, and nothing else", () => {
    const s = { run: { ...DEFAULT_SETTINGS, cash: 25_000 }, symbols: ["SPY"], timeLimitSec: 30 };
    expect(linkSettingsOf(s, 60)).toEqual({ run: { cash: 25_000 }, symbols: ["SPY"], timeLimitSec: 30 });
  });

  it("reads back settings that run like the ones sent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.constantFrom("ohlc", "close" as const),
        fc.constantFrom("path", "stopFirst", "targetFirst" as const),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (cash, fillModel, sameBarPolicy, cost) => {
          const run = {
            ...DEFAULT_SETTINGS,
            cash,
            fillModel,
            sameBarPolicy,
            commission: { model: "PerTrade" as const, cost },
          };
          const back = readLinkSettings(linkSettingsOf({ run, symbols: [], timeLimitSec: 60 }, 60));
          expect(back.ok).toBe(true);
          if (back.ok)
            expect(back.value.run).toMatchObject({
              cash,
              fillModel,
              sameBarPolicy,
              commission: { model: "PerTrade", cost },
            });
        },
      ),
    );
  });

  it("names every bad field of a link's settings", () => {
    const r = readLinkSettings({ run: { cash: 0 }, symbols: "SPY", timeLimitSec: -1, extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join("\n")).toMatch(/extra/);
    expect(r.errors.join("\n")).toMatch(/cash/);
    expect(r.errors.join("\n")).toMatch(/symbols/);
    expect(r.errors.join("\n")).toMatch(/timeLimitSec/);
  });
});
