import { describe, expect, it } from "vitest";
import { DEFAULT_PLAYGROUND_SETTINGS, parsePlaygroundSettings } from "../../src/store/playground-settings";
import { loadInitialState, persistStore, STORAGE_KEYS } from "../../src/store/persistence";
import { createPlaygroundStore } from "../../src/store/store";

describe("settings read back from storage", () => {
  it("garbage gives the defaults", () => {
    expect(parsePlaygroundSettings("nonsense")).toEqual(DEFAULT_PLAYGROUND_SETTINGS);
    expect(parsePlaygroundSettings(null)).toEqual(DEFAULT_PLAYGROUND_SETTINGS);
  });

  it("keeps valid fields and drops each bad one on its own", () => {
    const s = parsePlaygroundSettings({
      run: { cash: 5000, fillModel: "teleport", sameBarPolicy: "stopFirst", start: "2019-01-01", end: "last tuesday" },
      timeLimitSec: -3,
      symbols: ["SPY", 7, ""],
    });
    expect(s.run.cash).toBe(5000);
    expect(s.run.fillModel).toBe("ohlc");
    expect(s.run.sameBarPolicy).toBe("stopFirst");
    expect(s.run.start).toBe("2019-01-01");
    expect(s.run.end).toBeUndefined();
    expect(s.timeLimitSec).toBe(60);
    expect(s.symbols).toEqual(["SPY"]);
  });

  it("a saved time limit longer than a timer can wait (2,147,483 s) falls back to 60 s", () => {
    expect(parsePlaygroundSettings({ timeLimitSec: 2_147_483 }).timeLimitSec).toBe(2_147_483);
    expect(parsePlaygroundSettings({ timeLimitSec: 1e9 }).timeLimitSec).toBe(60);
  });

  it("a commission spec keeps its model and only finite, non-negative numbers; missing ones take the model's defaults", () => {
    const s = parsePlaygroundSettings({
      run: {
        commission: { model: "PerTrade", cost: 1.5, evil: "x" },
        slippage: { model: "FixedSlippage", spread: Infinity },
      },
    });
    expect(s.run.commission).toEqual({ model: "PerTrade", cost: 1.5 });
    expect(s.run.slippage).toEqual({ model: "FixedSlippage", spread: 0 });
  });
});

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

describe("autosave", () => {
  it("an empty storage starts with the default example", () => {
    const init = loadInitialState(memoryStorage(), "DEFAULT CODE", "Buy and Hold");
    expect(init).toMatchObject({
      code: "DEFAULT CODE",
      baseline: "DEFAULT CODE",
      templateTitle: "Buy and Hold",
      theme: "dark",
    });
  });

  it("code, settings and theme written by one page are what the next page starts with", async () => {
    const storage = memoryStorage();
    const store = createPlaygroundStore(loadInitialState(storage, "DEFAULT", "t"));
    const stop = persistStore(store, storage, 1);
    store.getState().setCode("my code");
    store.getState().updateRunSettings({ cash: 1234 });
    store.getState().setTheme("light");
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(storage.getItem(STORAGE_KEYS.code)).toBe("my code");
    const next = loadInitialState(storage, "DEFAULT", "t");
    expect(next.code).toBe("my code");
    expect(next.baseline).toBe("DEFAULT");
    expect(next.settings!.run.cash).toBe(1234);
    expect(next.theme).toBe("light");
  });
});
