// The browser benchmark: import the 200,000-bar CSV, run B1 on it, and report the import time,
// the run time (Run pressed to the final results drawn) against the Node engine's for the same
// run, and the page's long tasks during each; then the frame times while the chart with 200,000
// bars and the run's markers is zoomed and scrolled with the mouse wheel.
import { join } from "node:path";
import { test } from "../../tests/e2e/helpers/playground";
import {
  benchFiles,
  cpuMeter,
  csvText,
  finalDrawnAt,
  importCsv,
  importPhases,
  longTaskFigures,
  longTasks,
  nodeEngineRun,
  openWithB1,
  pageNow,
  runPhases,
  runOnImportAlone,
  runToTheEnd,
  wheelAround,
} from "./b1-page";
import { browserMemory } from "./process-memory";

test("B1 on an imported 200,000-bar CSV: import, run and long tasks", async ({ app, page }) => {
  const csv = csvText();
  const dir = benchFiles(csv);
  await openWithB1(app);
  const memOpen = await browserMemory(page);

  const importStart = await pageNow(app);
  await importCsv(app, join(dir, "A.csv"));
  const importEnd = await pageNow(app);
  const importPhase = await importPhases(app, importStart);
  await runOnImportAlone(app);
  const memImported = await browserMemory(page);

  const cpu = await cpuMeter(page);
  const runStart = await pageNow(app);
  await runToTheEnd(app);
  // The end on the page's clock; the polled end (when the checks saw it) as measured before.
  const runPolledEnd = await pageNow(app);
  const runEnd = await finalDrawnAt(app);
  const runCpu = await cpu();
  const phases = await runPhases(app, runEnd);
  const fills = await page.getByTestId("price-chart").getAttribute("data-markers");
  const points = await page.getByTestId("equity-chart").getAttribute("data-points");
  // The worker's own run.elapsedMs (compile, load, bar loop) and the symbols the run read, from
  // the results JSON once its rows have come (they follow the finished run).
  await app.resultsReady();
  const ran = await page.evaluate(() => {
    const r = (
      window as unknown as { playground: { results(): { run: { elapsedMs: number; symbols: string[] } } } }
    ).playground.results().run;
    return { workerEngineMs: Math.round(r.elapsedMs), symbols: r.symbols };
  });

  // Resident memory after the run (the renderer's peak covers the import and the run).
  const memory = await browserMemory(page);

  // BENCH_SCREENSHOT=<file.png> keeps a picture of the page after the run, to look at.
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
  const tasks = await longTasks(app);
  // The chart with 200,000 bars and the run's markers, zoomed and scrolled with the wheel.
  const wheel = await wheelAround(app, 12);
  const node = nodeEngineRun(dir);
  const run = longTaskFigures(tasks, runStart, runEnd);
  const imp = longTaskFigures(tasks, importStart, importEnd);
  const report = {
    scenario: "browser-B1-200k",
    importMs: Math.round(importEnd - importStart),
    ...importPhase,
    runMs: Math.round(runEnd - runStart),
    runPolledMs: Math.round(runPolledEnd - runStart),
    nodeEngineMs: Math.round(node.ms),
    runOverNode: Math.round(((runEnd - runStart) / node.ms) * 100) / 100,
    ...ran,
    editor: process.env.BENCH_COLD_EDITOR === "1" ? "starting" : "ready",
    ...phases,
    ...runCpu,
    fills: Number(fills),
    nodeFills: node.fills,
    equityPoints: Number(points),
    runLongTasks: run.count,
    runWorstLongTaskMs: run.worstMs,
    runLongTaskTotalMs: run.totalMs,
    importLongTasks: imp.count,
    importWorstLongTaskMs: imp.worstMs,
    wheel,
    rendererRssOpenMB: memOpen.rendererRssMB,
    rendererRssImportedMB: memImported.rendererRssMB,
    ...memory,
  };
  console.log(JSON.stringify(report));
});
