import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import type { ResultsJson } from "../../src/engine/results/results-schema";
import type { ChartDebugApi } from "../../src/ui/charts/chart-debug-api";
import { expect, test } from "./helpers/playground";
import { startTrace, tasksFromMark, type TraceTask } from "./helpers/trace-tasks";

type Win = Window & { playground: { chart: ChartDebugApi; results(): ResultsJson | null } };

/** A CSV of `rows` daily bars for `symbol`-less files (the symbol comes from the file name). */
function bars(rows: number, start = Date.UTC(2000, 0, 3), stepMs = 86_400_000): string {
  const lines = ["date,open,high,low,close,volume"];
  let p = 100;
  for (let i = 0; i < rows; i++) {
    const iso = new Date(start + i * stepMs).toISOString();
    const d = stepMs >= 86_400_000 ? iso.slice(0, 10) : iso;
    const o = p;
    p = Math.max(1, p * (1 + Math.sin(i / 7) * 0.01));
    lines.push(
      `${d},${o.toFixed(2)},${(Math.max(o, p) + 1).toFixed(2)},${(Math.min(o, p) * 0.99).toFixed(2)},${p.toFixed(2)},${1000 + (i % 50)}`,
    );
  }
  return lines.join("\n") + "\n";
}

const BUYS_ACME = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";
export default class BuysAcme extends TradingAlgorithm {
  override handleData(context: Context, data: BarData) {
    const acme = this.symbol("ACME");
    if (!context.bought && data.canTrade(acme)) {
      order(acme, 10);
      context.bought = true;
    }
    if (context.bought && context.barIndex % 40 === 0) order(acme, -10), (context.bought = false);
  }
}
`;

test("an imported CSV stays after a reload and can still be traded", async ({ app }) => {
  await app.open();
  await app.page
    .getByTestId("import-csv-input")
    .setInputFiles({ name: "ACME.csv", mimeType: "text/csv", buffer: Buffer.from(bars(300)) });
  await expect(app.chart.root).toHaveAttribute("data-symbol", "ACME");
  await app.editor.replaceCode(BUYS_ACME);
  // A reload right after typing: the open strategy's copy in localStorage is taken over IndexedDB's.
  await app.page.reload();
  await expect(app.page.getByTestId("open-data")).toBeVisible();
  await app.page.getByTestId("open-data").click();
  await expect(app.page.locator('[data-testid=data-row][data-name="ACME.csv"]')).toHaveCount(1);
  await app.editor.ready();
  expect(await app.editor.code()).toBe(BUYS_ACME);
  await app.toolbar.runToCompletion();
  await expect(app.page.getByTestId("tab-fills")).toContainText(/[1-9]/);
});

test("importing a symbol that exists asks first, and the chart then shows the new data", async ({ app }) => {
  await app.open();
  await expect(app.chart.root).toHaveAttribute("data-symbol", "SPY");
  const before = await app.chart.bars();
  await app.page
    .getByTestId("import-csv-input")
    .setInputFiles({ name: "SPY.csv", mimeType: "text/csv", buffer: Buffer.from(bars(5)) });
  await expect(app.page.getByTestId("import-confirm")).toContainText("SPY");
  await app.page.getByTestId("import-keep").click();
  expect(await app.chart.bars()).toBe(before);
  await app.page
    .getByTestId("import-csv-input")
    .setInputFiles({ name: "SPY.csv", mimeType: "text/csv", buffer: Buffer.from(bars(5)) });
  await app.page.getByTestId("import-replace").click();
  await expect.poll(() => app.chart.bars()).toBe(5);
});

// Every task of the import, from choosing the file to the chart drawn, stays under 50 ms on an
// idle machine: reading, parsing, storing, building objects, and the chart library's own
// setData and first frame (the page marks them as `chart library: …` measures), which are short
// because the chart is handed a few thousand candles, not 200,000 (candle-window.ts).
test.describe(() => {
  test.describe.configure({ retries: 2 });
  test("a 200,000-row file imports without blocking the page for more than 50 ms at a time", async ({ app }, info) => {
    // A long task is wall time: on a machine shared by more processes than cores, a task of 10–35
    // ms of CPU is held 5–50 times as long by the scheduler, following the load of the moment. So
    // the story traces the import (Chromium's own record of each main-thread task: its wall time
    // and the CPU time its thread ran) and a task blocks the page when its CPU time is over 50 ms:
    // work of ours in one piece fails however loaded the machine is (wall time is never below CPU
    // time, so on an idle machine this is the 50 ms long-task rule), a short task held up by the
    // scheduler does not. The retries are for the machine, not for the bound.
    test.setTimeout(180_000);
    await app.open();
    await app.editor.ready();
    // Minute bars: 200,000 of them span a few months. From a file on disk, as a user picks it: a
    // buffer would cross the debugging protocol and be rebuilt in the page in one long task.
    const file = info.outputPath("HUGE.csv");
    writeFileSync(file, bars(200_000, Date.UTC(2020, 0, 1), 60_000));
    await app.page.evaluate(() => {
      // Every progress text the Data panel shows, however briefly.
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const t = document.querySelector("[data-testid=data-import-progress]")?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const stopTrace = await startTrace(app.page);
    await app.page.getByTestId("import-csv-input").setInputFiles(file);
    // Progress in percent while it reads, in the Data panel (a big file opens it): the texts the
    // panel showed are checked below, since a fast import may close it again before a look.
    await expect(app.chart.root).toHaveAttribute("data-symbol", "HUGE", { timeout: 90_000 });
    await expect(app.chart.root).toHaveAttribute("data-bars", "200000", { timeout: 90_000 });
    // Done, the Data panel closes over the chart; the progress went with it.
    await expect(app.page.getByTestId("data-panel")).toHaveCount(0);
    await expect(app.page.getByTestId("data-import-progress")).toHaveCount(0);
    const progress = await app.page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress.some((t) => /^Reading HUGE\.csv: \d+% \([\d.]+ \/ 9\.9 MB\)$/.test(t))).toBe(true);
    expect(progress.some((t) => /^Parsing HUGE\.csv: \d+% \([\d,]+ \/ 200,002 rows\)$/.test(t))).toBe(true);
    // The first frame with the bars has been drawn and measured.
    await expect
      .poll(() => app.page.evaluate(() => performance.getEntriesByName("chart library: first draw").length), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await app.drawn();
    // Every task from the file chosen to here (the task that hands the file over may have begun
    // before: its wall time counts from the choice, its CPU time whole); the library's count like
    // any other.
    const tasks = tasksFromMark(await stopTrace(), "import: start");
    expect(tasks, "the trace holds the page's tasks from the file chosen").not.toBeNull();
    expect(tasks!.length).toBeGreaterThan(0);
    const load = loadavg()[0]! / availableParallelism();
    const blocking = tasks!.filter((t) => t.cpuMs > 50);
    const m = await app.page.evaluate(() => {
      const library = ["chart library: setData", "chart library: first draw"].flatMap((n) =>
        performance.getEntriesByName(n).map((e) => Math.round(e.duration)),
      );
      const start = performance.getEntriesByName("import: start")[0]!.startTime;
      const drawn = performance.getEntriesByName("chart library: first draw").at(-1)!;
      return { library, importMs: Math.round(drawn.startTime + drawn.duration - start) };
    });
    const show = (ts: TraceTask[]) =>
      ts.map((t) => `${Math.round(t.wallMs)}/${Math.round(t.cpuMs)} ms at ${Math.round(t.at)}`).join(", ");
    const top = (key: "wallMs" | "cpuMs") => [...tasks!].sort((a, b) => b[key] - a[key]).slice(0, 5);
    console.log(
      `200,000-row import: ${m.importMs} ms to the chart drawn; load ${load.toFixed(1)} per core; ` +
        `tasks wall/CPU, the longest: ${show(top("wallMs"))}; ` +
        `the most CPU: ${show(top("cpuMs"))}; the chart library's setData and first draw ${JSON.stringify(m.library)} ms`,
    );
    expect(m.library.length).toBe(2);
    expect(show(blocking), "tasks over 50 ms of CPU (wall/CPU ms at ms from the file chosen)").toBe("");
    // The Data panel lists the file.
    await app.page.getByTestId("open-data").click();
    await expect(app.page.locator('[data-testid=data-row][data-name="HUGE.csv"]')).toContainText("HUGE");
  });
});

// Buys 10 at the open after bar 150,000 and sells them 50 bars later: two fills at known bars.
const TWO_FILLS = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";
export default class TwoFills extends TradingAlgorithm {
  override handleData(context: Context, data: BarData) {
    if (context.barIndex === 150_000) order(this.symbol("HUGE"), 10);
    if (context.barIndex === 150_050) order(this.symbol("HUGE"), -10);
  }
}
`;

test("a 200,000-bar chart zoomed in shows the real bars, and a fill's marker sits on its bar at any zoom", async ({
  app,
}, info) => {
  test.setTimeout(300_000);
  await app.open();
  await app.editor.ready();
  const csv = bars(200_000, Date.UTC(2020, 0, 1), 60_000);
  const file = info.outputPath("HUGE.csv");
  writeFileSync(file, csv);
  await app.page.getByTestId("import-csv-input").setInputFiles(file);
  await expect(app.chart.root).toHaveAttribute("data-bars", "200000", { timeout: 90_000 });
  // The Data panel a big file opens for its progress is closed again: the chart is in view.
  await expect(app.page.getByTestId("data-panel")).toHaveCount(0);
  // Seen whole, the chart holds a few thousand candles, each a bucket of consecutive bars.
  expect(await app.chart.candles()).toBeLessThan(5000);
  expect(await app.chart.stride()).toBeGreaterThan(1);
  await app.editor.replaceCode(TWO_FILLS);
  await app.toolbar.runToCompletion();
  await expect(app.page.getByTestId("equity-chart")).toHaveAttribute("data-final", "true", { timeout: 60_000 });
  await app.resultsReady();
  const fill = (await app.page.evaluate(() => (window as unknown as Win).playground.results()!)).fills[0]!;
  const chart = <T>(f: string) => app.page.evaluate(`window.playground.chart.${f}`) as Promise<T>;
  const box = (await app.chart.root.boundingBox())!;
  /** The OHLC readout with the pointer over the candle that holds the bar at `time`. */
  const readoutAt = async (time: string) => {
    const x = (await chart<number | null>(`barX(${JSON.stringify(time)})`))!;
    await app.page.mouse.move(box.x + x, box.y + box.height * 0.3);
    await app.drawn();
    return (await app.page.getByTestId("ohlc").textContent()) ?? "";
  };
  /** How far the fill's marker stands from the candle of its bar, in px. */
  const markerOffset = async () => {
    await app.drawn();
    const at = (await chart<{ x: number } | null>(`pointOf(${JSON.stringify(fill.orderId)})`))!;
    return Math.abs(at.x - (await chart<number>(`barX(${JSON.stringify(fill.dt)})`)));
  };

  // Zoomed out (the run's end fits the whole period): the marker is on the candle that holds its bar.
  await app.page.getByTestId("chart-fit").click();
  await expect.poll(() => app.chart.stride()).toBeGreaterThan(1);
  expect(await markerOffset()).toBeLessThan(1);
  const aggregate = await readoutAt(fill.dt);
  expect(aggregate).toMatch(/ → .* · [\d,]+ bars {2}O /);

  // Zoomed in to 200 bars around the fill: real bars, the readout is the file's own row.
  const t = Date.parse(fill.dt);
  const iso = (ms: number) => new Date(ms).toISOString();
  await app.page.evaluate(
    ([from, to]) => (window as unknown as Win).playground.chart.show(from, to),
    [iso(t - 100 * 60_000), iso(t + 100 * 60_000)],
  );
  await expect.poll(() => app.chart.stride()).toBe(1);
  expect(await markerOffset()).toBeLessThan(1);
  const row = csv
    .split("\n")
    .find((l) => l.startsWith(fill.dt.slice(0, 19)))!
    .split(",");
  const [, o, h, l, c] = row;
  const readout = await readoutAt(fill.dt);
  expect(readout).toContain(`${fill.dt.slice(0, 10)} ${fill.dt.slice(11, 16)}  O ${o}  H ${h}  L ${l}  C ${c} `);
  expect(readout).not.toContain("bars");
  // The equity chart shows the same bars.
  await expect
    .poll(async () => app.equity.root.getAttribute("data-visible-from"))
    .toBe(await app.chart.root.getAttribute("data-visible-from"));

  // Wheel-zooming out from there (a few per cent a notch): once the range rests, the candles
  // are picked again for the wider view.
  await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40 && (await app.chart.stride()) === 1; i++) {
    await app.page.mouse.wheel(0, 600);
    await app.drawn();
  }
  await expect.poll(() => app.chart.stride()).toBeGreaterThan(1);
  expect(await app.chart.candles()).toBeLessThan(5000);
});

test("each export downloads a file that parses back", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  const code = await app.editor.code();
  await app.toolbar.runToCompletion();
  const save = async (id: string) => {
    await app.page.getByTestId("export").click();
    const [download] = await Promise.all([
      app.page.waitForEvent("download"),
      app.page.getByTestId(`export-${id}`).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  };
  const json = await save("results-json");
  const results = JSON.parse(json.bytes.toString("utf8"));
  expect(json.name).toMatch(/results\.json$/);
  expect(results.schemaVersion).toBe(1);
  expect(results.fills.length).toBeGreaterThan(0);
  expect(results.events.length).toBeGreaterThanOrEqual(results.fills.length);
  expect(results.equity.length).toBe(results.run.bars);

  const csv = await save("trades-csv");
  const lines = csv.bytes.toString("utf8").trim().split("\n");
  expect(lines[0]).toContain("symbol");
  expect(lines.length - 1).toBe(results.trades.length);

  const ts = await save("strategy-ts");
  expect(ts.name).toMatch(/\.ts$/);
  expect(ts.bytes.toString("utf8")).toBe(code);

  const png = await save("chart-png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Width and height from the IHDR chunk: the size of the charts on the page.
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(300);
  expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(200);
});
