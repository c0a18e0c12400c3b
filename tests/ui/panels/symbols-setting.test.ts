import { describe, expect, it } from "vitest";
import { symbolsSetting } from "../../../src/ui/panels/symbols-setting";

const SAMPLES = ["AAPL", "KO", "PEP"];

describe("the symbols setting from the checked samples", () => {
  it("is empty (every sample) when every sample is checked", () => {
    expect(symbolsSetting(SAMPLES, SAMPLES, ["ZED"])).toEqual([]);
  });
  it("names the checked samples when only some are", () => {
    expect(symbolsSetting(["KO", "PEP"], SAMPLES, [])).toEqual(["KO", "PEP"]);
  });
  it("is the imported symbols alone when no sample is checked beside an import", () => {
    expect(symbolsSetting([], SAMPLES, ["ZED", "ZOO"])).toEqual(["ZED", "ZOO"]);
  });
});
