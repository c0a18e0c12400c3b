import { describe, expect, it } from "vitest";
import { loadSources } from "../../src/runtime/load-sources";

const ROWS = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,1000\n";

describe("loading a run's data sources", () => {
  it("parses texts and fetched URLs into one sorted list of symbols", async () => {
    const { bars } = await loadSources(
      [
        { name: "SPY.csv", url: "/spy" },
        { name: "AAPL.csv", text: ROWS },
      ],
      async () => ROWS,
    );
    expect(bars.map((b) => b.symbol)).toEqual(["AAPL", "SPY"]);
  });

  it("names both files when a symbol is loaded twice", async () => {
    const twice = loadSources(
      [
        { name: "a/SPY.csv", text: ROWS },
        { name: "b/SPY.csv", text: ROWS },
      ],
      async () => "",
    );
    await expect(twice).rejects.toThrow(/b\/SPY\.csv.*a\/SPY\.csv/);
  });

  it("rejects a broken file with its name, line and column", async () => {
    await expect(
      loadSources([{ name: "X.csv", text: ROWS + "2020-01-03,1,abc,1,1,1\n" }], async () => ""),
    ).rejects.toThrow(/X\.csv:3:3/);
  });

  it("reads an import kept as a Blob in the worker, giving the bars its text gives", async () => {
    const fromBlob = await loadSources([{ name: "AAPL.csv", file: new Blob([ROWS]) }], async () => "");
    const fromText = await loadSources([{ name: "AAPL.csv", text: ROWS }], async () => "");
    expect(fromBlob).toEqual(fromText);
    expect(fromBlob.bars[0].close[0]).toBe(10.5);
  });
});
