import { describe, expect, it } from "vitest";
import { PreparedFiles } from "../../src/worker/prepared-files";

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
    files.prepare([{ name: "KO.csv", url: "/assets/KO-1.csv" }]);
    const got = await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    expect("bars" in got && got.bars.map((b) => [b.symbol, b.close.length])).toEqual([["KO", 2]]);
    expect(calls).toEqual(["/assets/KO-1.csv"]);
  });

  it("are taken once: a second run reads the file again", async () => {
    const { calls, fetch } = fakeFetch();
    const files = new PreparedFiles(fetch);
    files.prepare([{ name: "KO.csv", url: "/assets/KO-1.csv" }]);
    await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    const again = await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    expect(again).toEqual({ name: "KO.csv", url: "/assets/KO-1.csv" });
    await files.fetchText("/assets/KO-1.csv");
    expect(calls).toHaveLength(2);
  });

  it("a file asked for under another name, or never prepared, comes as it was sent", async () => {
    const { fetch } = fakeFetch();
    const files = new PreparedFiles(fetch);
    files.prepare([{ name: "KO.csv", url: "/assets/KO-1.csv" }]);
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
    files.prepare([{ name: "KO.csv", url: "/assets/KO-1.csv" }]);
    const got = await files.source({ name: "KO.csv", url: "/assets/KO-1.csv" });
    expect("url" in got).toBe(true);
    expect(await files.fetchText("/assets/KO-1.csv")).toBe(CSV);
    expect(calls).toEqual(["/assets/KO-1.csv", "/assets/KO-1.csv"]);
  });
});
