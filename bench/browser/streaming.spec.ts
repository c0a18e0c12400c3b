// The browser benchmark: import the 200,000-bar CSV, run B1 on it, and report the import time,
// the run time against the Node engine's for the same run, and the page's long tasks.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "../../tests/e2e/helpers/playground";
import { B1_SMA_CROSS } from "../peer-scenarios";
import { singleSeries } from "../peer-data";
import { walkBars } from "../walk-bars";

declare global {
  interface Window {
    __longTasks?: Array<{ start: number; duration: number }>;
  }
}

/** The 200,000-bar series as CSV text (the peers' file when present), named A.csv so the symbol is A. */
function csvText(): string {
  const { source } = singleSeries();
  if (source.endsWith(".csv")) return readFileSync(source, "utf8");
  const b = walkBars({ symbol: "A", bars: 200_000, seed: 12345, start: Date.UTC(1680, 0, 1), businessDays: false });
  const rows = ["Date,Open,High,Low,Close,Volume"];
  for (let i = 0; i < b.time.length; i++) {
    const d = new Date(b.time[i]!).toISOString().slice(0, 10);
    rows.push(`${d},${b.open[i]},${b.high[i]},${b.low[i]},${b.close[i]},${b.volume[i]}`);
  }
  return rows.join("\n") + "\n";
}

/** run.elapsedMs of the same strategy on the same file with the CLI (the page's default settings). */
function nodeEngineMs(dir: string): number {
  const r = spawnSync(
    "node",
    ["scripts/cli.mjs", "backtest", join(dir, "b1.ts"), "--data", join(dir, "A.csv"), "--json", "-", "--no-type-check"],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as { run: { elapsedMs: number } }).run.elapsedMs;
}

test("B1 on an imported 200,000-bar CSV: import, run and long tasks", async ({ app, page }) => {
  const csv = csvText();
  const dir = mkdtempSync(join(tmpdir(), "bench-browser-"));
  writeFileSync(join(dir, "A.csv"), csv);
  writeFileSync(join(dir, "b1.ts"), B1_SMA_CROSS);

  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await app.open();
  await app.editor.ready();
  await app.editor.replaceCode(B1_SMA_CROSS);
  const mark = () => page.evaluate(() => performance.now());

  const importStart = await mark();
  await app.csvImport.upload("A.csv", csv);
  await expect(app.chart.root).toHaveAttribute("data-symbol", "A", { timeout: 120_000 });
  await expect(app.chart.root).toHaveAttribute("data-bars", "200000", { timeout: 120_000 });
  const importMs = (await mark()) - importStart;

  const runStart = await mark();
  await app.toolbar.run();
  expect(await app.toolbar.runEnds(300_000)).toBe("done");
  await app.drawn();
  const runEnd = await mark();
  const runMs = runEnd - runStart;
  const fills = await page.evaluate(() =>
    document.querySelector("[data-testid=equity-chart]")?.getAttribute("data-points"),
  );

  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  const during = tasks.filter((t) => t.start >= importStart && t.start <= runEnd);
  const nodeMs = nodeEngineMs(dir);
  const report = {
    scenario: "browser-B1-200k",
    importMs: Math.round(importMs),
    runMs: Math.round(runMs),
    nodeEngineMs: Math.round(nodeMs),
    runOverNode: Math.round((runMs / nodeMs) * 100) / 100,
    equityPoints: Number(fills),
    longTasks: during.length,
    longTasksOver50ms: during.filter((t) => t.duration > 50).length,
    worstLongTaskMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
    longTasksDuringImport: during.filter((t) => t.start < runStart).length,
  };
  console.log(JSON.stringify(report));
});
