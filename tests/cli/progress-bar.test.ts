import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";
import { barsToRun, progressBar } from "../../src/cli/progress-bar";
import { loadDataPath } from "../../src/cli/load-data";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";

describe("the command line's progress bar", { timeout: 60_000 }, () => {
  it("fills a 30-character bar with the share of bars done, rounding down", () => {
    // 858 / 2,768 = 0.30997: 9 of 30 characters (9.3), 30 %
    expect(progressBar(858, 2768)).toBe(`[${"#".repeat(9)}${".".repeat(21)}]  30%  858 / 2,768 bars`);
    expect(progressBar(2768, 2768)).toBe(`[${"#".repeat(30)}] 100%  2,768 / 2,768 bars`);
    expect(progressBar(0, 0)).toBe(`[${".".repeat(30)}]   0%  0 / 0 bars`);
  });

  it("counts the bars the run will step through: 2,768 in sample-data, 253 in 2020 alone", () => {
    const { bars } = loadDataPath("sample-data");
    expect(barsToRun(bars, DEFAULT_SETTINGS)).toBe(2768);
    expect(barsToRun(bars, { ...DEFAULT_SETTINGS, start: "2020-01-01", end: "2020-12-31" })).toBe(253);
  });

  it("on a terminal, the run draws the bar over the run's 253 bars and clears it at the end", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "progress-")), "slow.ts");
    writeFileSync(
      file,
      `import { TradingAlgorithm } from "playground";
export default class Busy extends TradingAlgorithm {
  override handleData(): void {
    let x = 0;
    for (let i = 0; i < 1000; i++) x += i % 7;
    if (x < 0) throw new Error("never");
  }
}
`,
    );
    let err = "";
    const code = await runCli([file, "--start", "2020-01-01", "--end", "2020-12-31", "--no-type-check"], {
      out: () => {},
      err: (t) => (err += t),
      tty: true,
    });
    expect(code).toBe(0);
    expect(err).toMatch(/\r\[[#.]{30}\] +\d+% {2}[\d,]+ \/ 253 bars/);
    expect(err.endsWith("\r\x1b[K")).toBe(true);
  });
});
