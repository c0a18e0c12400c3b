// The browser benchmark's setup, shared by the benchmark and the profiler: the 200,000-bar CSV,
// the page with a long-task observer, the import, and the Node engine's time for the same run.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, type Playground } from "../../tests/e2e/helpers/playground";
import type { TraceEvent } from "../../tests/e2e/helpers/trace-tasks";
import { B1_SMA_CROSS } from "../peer-scenarios";
import { singleSeries } from "../peer-data";
import { walkBars } from "../walk-bars";

declare global {
  interface Window {
    __longTasks?: Array<{ start: number; duration: number }>;
    __frames?: { on: boolean; gaps: number[] };
  }
}

/** The 200,000-bar series as CSV text (the peers' file when present), named A.csv so the symbol is A. */
export function csvText(): string {
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

/** The CSV and the strategy in a folder of the system's temporary directory, for the page's import and the CLI. */
export function benchFiles(csv: string): string {
  // A folder named for what it holds, written once: the CLI's parsed-data cache, keyed by the file
  // (path, inode, size, times), then finds the same A.csv run after run; a fresh copy per run added
  // a 9.6 MB entry each time and pushed the user's own files out of the cache, and left a folder.
  const digest = createHash("sha256").update(csv).update("\0").update(B1_SMA_CROSS).digest("hex");
  const dir = join(tmpdir(), `bench-browser-${digest.slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  writeOnce(join(dir, "A.csv"), csv);
  writeOnce(join(dir, "b1.ts"), B1_SMA_CROSS);
  return dir;
}

/** Writes `text` to `file` unless it is there (written whole: a half-written file never takes its name). */
function writeOnce(file: string, text: string): void {
  if (existsSync(file)) return;
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, text);
  renameSync(part, file);
}

/** run.elapsedMs and fill count of the same strategy on the same file with the CLI (the page's default settings). */
export function nodeEngineRun(dir: string): { ms: number; fills: number } {
  const r = spawnSync(
    "node",
    ["scripts/cli.mjs", "backtest", join(dir, "b1.ts"), "--data", join(dir, "A.csv"), "--json", "-", "--no-type-check"],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { run: { elapsedMs: number }; fills: unknown[] };
  return { ms: out.run.elapsedMs, fills: out.fills.length };
}

/** performance.now() of the page. */
export const pageNow = (app: Playground) => app.page.evaluate(() => performance.now());

/** Opens the page with a long-task observer and B1 in the editor. */
export async function openWithB1(app: Playground): Promise<void> {
  await app.page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await app.open();
  await app.editor.ready();
  await app.editor.replaceCode(B1_SMA_CROSS);
  // The editor's TypeScript worker starting up takes seconds of CPU; a benchmark that pressed Run
  // a second after opening the page measured it beside the run on a 2-core machine (as the figures
  // before 7 December 2026 did: BENCH_COLD_EDITOR=1 measures that way again).
  if (process.env.BENCH_COLD_EDITOR !== "1") await app.editor.languageReady();
}

/**
 * Unchecks every bundled sample in Settings, so the run reads A.csv alone, as the Node run it is
 * compared with does (with the samples loaded, the run's timeline is the union of nine calendars).
 * BENCH_WITH_SAMPLES=1 keeps them, as the figures before 7 December 2026 did.
 */
export async function runOnImportAlone(app: Playground): Promise<void> {
  if (process.env.BENCH_WITH_SAMPLES === "1") return;
  await app.settings.open();
  for (const box of await app.settings.sampleBoxes()) await box.uncheck();
  await app.settings.close();
}

/**
 * Imports the CSV file at `file` (named A.csv, so the symbol is A) and waits until the price chart
 * shows its 200,000 bars. From a file on disk, as a user picks it: a buffer would cross the
 * debugging protocol and be rebuilt in the page in one long task of its own (seconds).
 */
export async function importCsv(app: Playground, file: string): Promise<void> {
  await app.page.getByTestId("import-csv-input").setInputFiles(file);
  await expect(app.chart.root).toHaveAttribute("data-symbol", "A", { timeout: 120_000 });
  await expect(app.chart.root).toHaveAttribute("data-bars", "200000", { timeout: 120_000 });
}

/**
 * The import on the page's clock, from `start` (just before the file was chosen): to the chart
 * drawn (the end of the page's `chart library: first draw` measure, a turn after the first frame
 * with the bars), and its phases from the page's marks: the file handed over and read in the
 * worker (`import: start` → `import: read`), parsed (→ `import: parsed`, the columns received),
 * and drawn. The polled figure (`importMs`, when Playwright's check saw the bars) comes up to
 * half a second later than this: its checks are 100–500 ms apart.
 */
export async function importPhases(app: Playground, start: number) {
  await expect
    .poll(() => app.page.evaluate(() => performance.getEntriesByName("chart library: first draw").length), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  const at = await app.page.evaluate(() => {
    const t = (n: string) => performance.getEntriesByName(n).at(-1);
    const drawn = t("chart library: first draw")!;
    return {
      start: t("import: start")?.startTime ?? NaN,
      read: t("import: read")?.startTime ?? NaN,
      parsed: t("import: parsed")?.startTime ?? NaN,
      drawn: drawn.startTime + drawn.duration,
    };
  });
  return {
    importDrawnMs: Math.round(at.drawn - start),
    importReadMs: Math.round(at.read - at.start),
    importParseMs: Math.round(at.parsed - at.read),
    importDrawMs: Math.round(at.drawn - at.parsed),
  };
}

/** Presses Run and waits until the run is done and the page has drawn its final results. */
export async function runToTheEnd(app: Playground): Promise<void> {
  await app.toolbar.run();
  expect(await app.toolbar.runEnds(300_000)).toBe("done");
  await expect(app.page.getByTestId("equity-chart")).toHaveAttribute("data-final", "true", { timeout: 60_000 });
  await app.drawn();
  await finalDrawnAt(app);
}

/**
 * When this run's finished curve was drawn, on the page's clock: the equity chart's
 * `run: final drawn` mark (a turn after that frame) after the last `run-pressed`. A check polled
 * from outside sees the run's end later (Playwright retries 100, 250, 500 and 1,000 ms apart).
 */
export async function finalDrawnAt(app: Playground): Promise<number> {
  const read = () =>
    app.page.evaluate(() => {
      const pressed = performance.getEntriesByName("run-pressed").at(-1)?.startTime ?? Infinity;
      return performance.getEntriesByName("run: final drawn").find((m) => m.startTime >= pressed)?.startTime ?? null;
    });
  await expect.poll(read, { timeout: 60_000 }).not.toBeNull();
  return (await read())!;
}

/**
 * Where the run's time went, from the page's marks (run-controller.ts): Run pressed → the worker's
 * `started` (its start-up: loading, the data, compiling), → its `done` (the bar loop, streamed),
 * → the final run drawn (`end`).
 */
export async function runPhases(app: Playground, end: number) {
  const at = await app.page.evaluate(() =>
    Object.fromEntries(
      ["run-pressed", "run-started", "run-done"].map((n) => [
        n,
        performance.getEntriesByName(n).at(-1)?.startTime ?? NaN,
      ]),
    ),
  );
  return {
    workerStartMs: Math.round(at["run-started"]! - at["run-pressed"]!),
    streamMs: Math.round(at["run-done"]! - at["run-started"]!),
    drawFinalMs: Math.round(end - at["run-done"]!),
  };
}

export type LongTask = { start: number; duration: number };

export const longTasks = (app: Playground): Promise<LongTask[]> => app.page.evaluate(() => window.__longTasks ?? []);

/** Count and worst of the long tasks that started in [from, to]. */
export function longTaskFigures(tasks: readonly LongTask[], from: number, to: number) {
  const during = tasks.filter((t) => t.start >= from && t.start <= to);
  return {
    count: during.length,
    worstMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
    totalMs: Math.round(during.reduce((s, t) => s + t.duration, 0)),
  };
}

/**
 * Wheel-zooms the price chart in and out over its middle and scrolls it sideways, `steps` wheel
 * events each way, waiting for two frames after each, and returns the gaps between the
 * frames drawn meanwhile (ms) and the long tasks.
 */
export async function wheelAround(app: Playground, steps: number) {
  const { page } = app;
  const box = (await app.chart.root.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const frames = { on: true, gaps: [] as number[] };
    window.__frames = frames;
    let last = performance.now();
    const tick = (t: number) => {
      frames.gaps.push(t - last);
      last = t;
      if (frames.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const start = await pageNow(app);
  for (const [dx, dy] of [
    [0, -240],
    [0, 240],
    [600, 0],
    [-600, 0],
  ] as const) {
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(dx, dy);
      await app.drawn();
    }
  }
  const end = await pageNow(app);
  const gaps = await page.evaluate(() => {
    window.__frames!.on = false;
    return window.__frames!.gaps;
  });
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    frames: gaps.length,
    frameMedianMs: at(0.5),
    frameP95Ms: at(0.95),
    frameWorstMs: at(1),
    longTasks: longTaskFigures(await longTasks(app), start, end),
  };
}

/**
 * CPU time the page's renderer spends, from Chromium's own counters (CDP `Performance.getMetrics`):
 * `ThreadTime` is the page's main thread, `ProcessTime` the whole renderer process (the main thread,
 * the run worker, the compositor). On this shared 2-core machine wall times move with the load;
 * CPU times much less, so a change is judged by them. The function returned gives the ms since.
 */
export async function cpuMeter(page: Page): Promise<() => Promise<{ pageCpuMs: number; rendererCpuMs: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const read = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const at = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { thread: at("ThreadTime"), process: at("ProcessTime") };
  };
  const start = await read();
  return async () => {
    const end = await read();
    return {
      pageCpuMs: Math.round((end.thread - start.thread) * 1000),
      rendererCpuMs: Math.round((end.process - start.process) * 1000),
    };
  };
}

/**
 * Runs `during` with the page traced under `categories` and gives the trace's events beside what
 * `during` returned. The trace is written to `keep` when given, else to a temporary folder that
 * is removed after.
 */
export async function traced<T>(
  browser: Browser,
  page: Page,
  categories: string[],
  during: () => Promise<T>,
  keep?: string,
): Promise<{ events: TraceEvent[]; value: T }> {
  const dir = keep === undefined ? mkdtempSync(join(tmpdir(), "b1-trace-")) : null;
  const file = keep ?? join(dir!, "trace.json");
  await browser.startTracing(page, { path: file, categories });
  const value = await during();
  await browser.stopTracing();
  const events = (JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  return { events, value };
}
