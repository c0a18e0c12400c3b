import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadDataPath } from "../../src/cli/load-data";

const sampleData = fileURLToPath(new URL("../../sample-data", import.meta.url));
const BAR = "date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n";

describe("loading data from a path", () => {
  const made: string[] = [];
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), "load-data-"));
    made.push(dir);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("loads the bundled sample-data folder as eight daily symbols, leaving the intraday sub-folder out", () => {
    const { bars, warnings } = loadDataPath(sampleData);
    expect(warnings).toEqual([]);
    expect(bars.map((b) => b.symbol)).toEqual(["AAPL", "IWM", "KO", "PEP", "QQQ", "SPY", "TLT", "TSLA"]);
    for (const series of bars) expect(series.time).toHaveLength(2768);
  });

  it("loads one file, here the intraday minute bars", () => {
    const { bars } = loadDataPath(join(sampleData, "intraday", "SPY.csv"));
    expect(bars.map((b) => b.symbol)).toEqual(["SPY"]);
    expect(bars[0].time[0]).toBe(Date.parse("2024-11-04T14:30:00Z"));
  });

  it("reads only .csv files, in any letter case, from the folder itself", () => {
    const dir = folder({ "spy.csv": BAR, "QQQ.CSV": BAR, "README.md": "# notes", "old/IWM.csv": BAR });
    expect(loadDataPath(dir).bars.map((b) => b.symbol)).toEqual(["QQQ", "SPY"]);
  });

  it("fails with a message naming a path that does not exist", () => {
    expect(() => loadDataPath("no/such/folder")).toThrow("no/such/folder: no such file or folder");
  });

  it("fails with a message naming a folder that holds no CSV", () => {
    const dir = folder({ "README.md": "# notes" });
    expect(() => loadDataPath(dir)).toThrow(`${dir}: the folder holds no .csv files`);
  });

  it("fails naming the file, line and column of bad data inside a folder", () => {
    const dir = folder({ "SPY.csv": BAR, "TLT.csv": "date,open,high,low,close,volume\n2020-01-02,1,0.9,0.5,1,10\n" });
    expect(() => loadDataPath(dir)).toThrow(`${join(dir, "TLT.csv")}:2:3: high 0.9 is below open 1`);
  });

  it("fails naming both files when two hold the same symbol", () => {
    const dir = folder({
      "SPY.csv": BAR,
      "all.csv": "symbol,date,open,high,low,close,volume\nSPY,2020-01-02,1,2,0.5,1.5,10\n",
    });
    expect(() => loadDataPath(dir)).toThrow(
      `${join(dir, "all.csv")}: symbol SPY is already loaded from ${join(dir, "SPY.csv")}`,
    );
  });

  it("reads a .csv file the folder holds as a symbolic link, as the file it points to", () => {
    const elsewhere = folder({ "SPY.csv": BAR });
    const dir = folder({ "QQQ.csv": BAR });
    symlinkSync(join(elsewhere, "SPY.csv"), join(dir, "SPY.csv"));
    expect(loadDataPath(dir).bars.map((b) => b.symbol)).toEqual(["QQQ", "SPY"]);
  });

  it("fails naming a .csv link in the folder that leads nowhere or in a loop, instead of leaving its symbol out", () => {
    const dangling = folder({ "QQQ.csv": BAR });
    symlinkSync(join(dangling, "gone.csv"), join(dangling, "SPY.csv"));
    expect(() => loadDataPath(dangling)).toThrow(`${join(dangling, "SPY.csv")}: a symbolic link that leads nowhere`);
    const loop = folder({ "QQQ.csv": BAR });
    symlinkSync("SPY.csv", join(loop, "SPY.csv"));
    expect(() => loadDataPath(loop)).toThrow(`${join(loop, "SPY.csv")}: a symbolic link that leads nowhere`);
  });
});
