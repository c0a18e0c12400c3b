import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, readPrepareRequest } from "../../src/runtime/protocol";
import { PreparedFiles } from "../../src/worker/prepared-files";
import { bars, flat } from "../engine/helpers/bars";

const CSV = "Date,Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10.5,12,10,11,200\n";

/** A fetch that counts its calls per URL and fails for URLs in `failing` the first time. */
function fakeFetch(failing: string[] = []) {
  const calls: string[] = [];
  const fetch = (url: string) => {
    calls.push(url);
    if (failing.includes(url) && calls.filter((u) => u === url).length === 1)
      return Promise.reject(new Error("offline"));
    return Promise.resolve(CSV);
  };
  return { calls, fetch };
}

describe("the bundled files a spare run worker prepares", () => {
  it("reach the run already parsed, fetched once", async () => {
    const { calls, fetch } = fakeFetch();
    const files = new PreparedFiles(fetch);
    files.prepare({ files: [{ name: "KO.csv", url: "/assets/KO-1.csv" }], imports: [] });
    const got = await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    expect("bars" in got && got.bars.map((b) => [b.symbol, b.close.length])).toEqual([["KO", 2]]);
    expect(calls).toEqual(["/assets/KO-1.csv"]);
  });

  it("are taken once: a second run reads the file again", async () => {
    const { calls, fetch } = fakeFetch();
    const files = new PreparedFiles(fetch);
    files.prepare({ files: [{ name: "KO.csv", url: "/assets/KO-1.csv" }], imports: [] });
    await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    const again = await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    expect(again).toEqual({ name: "KO.csv", url: "/assets/KO-1.csv" });
    await files.fetchText("/assets/KO-1.csv");
    expect(calls).toHaveLength(2);
  });

  it("a file asked for under another name, or never prepared, comes as it was sent", async () => {
    const { fetch } = fakeFetch();
    const files = new PreparedFiles(fetch);
    files.prepare({ files: [{ name: "KO.csv", url: "/assets/KO-1.csv" }], imports: [] });
    expect(await files.source({ name: "PEP.csv", url: "/assets/KO-1.csv" })).toEqual({
      name: "PEP.csv",
      url: "/assets/KO-1.csv",
    });
    expect(await files.source({ name: "SPY.csv", url: "/assets/SPY-1.csv" })).toEqual({
      name: "SPY.csv",
      url: "/assets/SPY-1.csv",
    });
  });

  it("a file that could not be fetched ahead is fetched again when the run reads it", async () => {
    const { calls, fetch } = fakeFetch(["/assets/KO-1.csv"]);
    const files = new PreparedFiles(fetch);
    files.prepare({ files: [{ name: "KO.csv", url: "/assets/KO-1.csv" }], imports: [] });
    const got = await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    expect("url" in got).toBe(true);
    expect(await files.fetchText("/assets/KO-1.csv")).toBe(CSV);
    expect(calls).toEqual(["/assets/KO-1.csv", "/assets/KO-1.csv"]);
  });
});

describe("an import the page sends a spare run worker ahead of the run", () => {
  const request = (b: unknown) =>
    readPrepareRequest({
      type: "prepare",
      protocolVersion: PROTOCOL_VERSION,
      files: [],
      imports: [{ key: "import-1", name: "ZED.csv", bars: b, warnings: ["sorted"] }],
    })!;

  it("is checked when it arrives, and reaches the run that names it, once", async () => {
    const files = new PreparedFiles(fakeFetch().fetch);
    files.prepare(request([bars("ZED", flat(10, 3))]));
    const got = await files.source({ name: "ZED.csv", prepared: "import-1" });
    expect("bars" in got && [got.bars[0]!.symbol, got.bars[0]!.close.length, got.warnings]).toEqual([
      "ZED",
      3,
      ["sorted"],
    ]);
    await expect(files.source({ name: "ZED.csv", prepared: "import-1" })).rejects.toThrow(/had not sent/);
  });

  it("whose columns are wrong fails the run that names it, saying what was wrong", async () => {
    const broken = { ...bars("ZED", flat(10, 3)), close: Float64Array.of(10, -1, 10) };
    const files = new PreparedFiles(fakeFetch().fetch);
    files.prepare(request([broken]));
    await expect(files.source({ name: "ZED.csv", prepared: "import-1" })).rejects.toThrow(
      /could not understand each other \(the page sent ZED's close at bar 1 that is not a price\)/,
    );
  });
});
