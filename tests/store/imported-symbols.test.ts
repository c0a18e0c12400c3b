import { describe, expect, it } from "vitest";
import { DEFAULT_PLAYGROUND_SETTINGS } from "../../src/store/playground-settings";
import { createPlaygroundStore } from "../../src/store/store";

const csv = (name: string, symbols: string[]) => ({ name, file: new Blob(["x"]), symbols });

describe("removing an imported file", () => {
  it("takes its symbols out of the symbols setting, so a run on it alone falls back to every sample", () => {
    const store = createPlaygroundStore({
      code: "",
      settings: { ...DEFAULT_PLAYGROUND_SETTINGS, symbols: ["ZED"] },
      imported: [csv("ZED.csv", ["ZED"])],
    });
    store.getState().removeImport("ZED.csv");
    expect(store.getState().imported).toEqual([]);
    expect(store.getState().settings.symbols).toEqual([]);
  });

  it("keeps the samples the setting names and the other imports' symbols", () => {
    const store = createPlaygroundStore({
      code: "",
      settings: { ...DEFAULT_PLAYGROUND_SETTINGS, symbols: ["KO", "ZED", "ZOO"] },
      imported: [csv("ZED.csv", ["ZED"]), csv("ZOO.csv", ["ZOO"])],
    });
    store.getState().removeImport("ZED.csv");
    expect(store.getState().settings.symbols).toEqual(["KO", "ZOO"]);
  });
});
