// A run on an imported CSV goes to the run worker as the columns the import already parsed: it
// must trade exactly as the command line does on the same files.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./helpers/playground";

/** 3,000 daily bars of ZED over the bundled data's years, two rows out of order (the parser sorts and says so). */
function zedCsv(): string {
  const rows: string[] = [];
  let close = 50;
  for (let i = 0; i < 3000; i++) {
    const day = new Date(Date.UTC(2014, 0, 2) + i * 86_400_000).toISOString().slice(0, 10);
    const open = close;
    close = Math.max(1, open * (1 + 0.02 * Math.sin(i * 0.37) + 0.01 * Math.cos(i * 1.3)));
    const high = Math.max(open, close) * 1.01;
    const low = Math.min(open, close) * 0.99;
    rows.push([day, open, high, low, close, 1000 + i].map((v) => (typeof v === "number" ? v.toFixed(4) : v)).join(","));
  }
  [rows[10], rows[11]] = [rows[11]!, rows[10]!];
  return ["Date,Open,High,Low,Close,Volume", ...rows].join("\n") + "\n";
}

const SMA_CROSS = `import { TradingAlgorithm, orderTarget } from "playground";
export default class ZedCross extends TradingAlgorithm {
  initialize(context) { context.zed = this.symbol("ZED"); }
  handleData(context, data) {
    if (!data.canTrade(context.zed)) return;
    const slow = data.history(context.zed, "close", 30);
    if (slow.length < 30) return;
    const fast = data.history(context.zed, "close", 10).mean();
    orderTarget(context.zed, fast > slow.mean() ? 100 : 0);
  }
}
`;

/** The command line's fills hash and fill count for the strategy on the bundled files and the import. */
function cliRun(csv: string): { fillsHash: string; fills: number } {
  const dir = mkdtempSync(join(tmpdir(), "imported-run-"));
  for (const f of readdirSync("sample-data"))
    if (f.endsWith(".csv")) copyFileSync(join("sample-data", f), join(dir, f));
  writeFileSync(join(dir, "ZED.csv"), csv);
  const strategy = join(mkdtempSync(join(tmpdir(), "imported-run-src-")), "zed.ts");
  writeFileSync(strategy, SMA_CROSS);
  const r = spawnSync(
    "node",
    ["scripts/cli.mjs", "backtest", strategy, "--data", dir, "--json", "-", "--no-type-check", "--quiet"],
    { encoding: "utf8", maxBuffer: 1 << 28 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { run: { fillsHash: string }; fills: unknown[] };
  return { fillsHash: out.run.fillsHash, fills: out.fills.length };
}

test("a run on an imported CSV trades as the command line does on the same file", async ({ app, page }) => {
  const csv = zedCsv();
  await app.open();
  await app.editor.ready();
  await app.editor.replaceCode(SMA_CROSS);
  await app.csvImport.upload("ZED.csv", csv);
  await expect(app.chart.root).toHaveAttribute("data-symbol", "ZED");
  await app.toolbar.run();
  expect(await app.toolbar.runEnds(120_000)).toBe("done");
  await app.resultsReady();
  const page_ = await page.evaluate(() => {
    const w = window as unknown as { playground: { results(): { run: { fillsHash: string }; fills: unknown[] } } };
    const r = w.playground.results();
    const pressed = performance.getEntriesByName("run-pressed").at(-1) as PerformanceMark;
    return { fillsHash: r.run.fillsHash, fills: r.fills.length, data: (pressed.detail as { data: string[] }).data };
  });
  // The import went to the worker parsed (sent ahead to the spare worker, or with the request), not as text to parse again.
  expect(page_.data.filter((d) => d === "parsed" || d === "prepared")).toHaveLength(1);
  expect(page_.data).not.toContain("text");
  const cli = cliRun(csv);
  expect(page_.fills).toBeGreaterThan(20);
  expect(page_.fills).toBe(cli.fills);
  expect(page_.fillsHash).toBe(cli.fillsHash);
  // The parser's note that it sorted the file reaches the run's log, as when the worker parsed the text.
  await app.tabs.open("log");
  await expect(app.page.getByText("ZED.csv: rows were not in time order; sorted them")).toBeVisible();
});

test("with every sample unchecked beside an import, the run reads the imported file alone", async ({ app, page }) => {
  await app.open();
  await app.editor.ready();
  await app.editor.replaceCode(SMA_CROSS);
  await app.csvImport.upload("ZED.csv", zedCsv());
  await expect(app.chart.root).toHaveAttribute("data-symbol", "ZED");
  await app.settings.open();
  const samples = await app.settings.sampleBoxes();
  expect(samples.length).toBeGreaterThan(1);
  for (const box of samples) await box.uncheck();
  for (const box of samples) await expect(box).not.toBeChecked();
  await app.settings.close();
  await app.toolbar.run();
  expect(await app.toolbar.runEnds(120_000)).toBe("done");
  await app.resultsReady();
  const symbols = await page.evaluate(
    () =>
      (window as unknown as { playground: { results(): { run: { symbols: string[] } } } }).playground.results().run
        .symbols,
  );
  expect(symbols).toEqual(["ZED"]);
});
