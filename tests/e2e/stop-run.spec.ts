import type { Page } from "@playwright/test";
import { expect, test } from "./helpers/playground";

const INFINITE_LOOP = [
  'import { TradingAlgorithm } from "playground";',
  "export default class Spins extends TradingAlgorithm {",
  "  handleData(context, data) {",
  "    if (context.barIndex === 5) {",
  "      while (true) {}",
  "    }",
  "  }",
  "}",
  "",
].join("\n");

test("an infinite loop in handleData is stopped with Stop and the page stays responsive", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(INFINITE_LOOP);
  await app.toolbar.run();
  await expect(app.toolbar.stopButton).toBeVisible();
  // The loop runs in the worker: the page still reacts to clicks while it spins.
  await app.tabs.open("metrics");
  await expect(app.tabs.tab("metrics")).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => runWhere(app.page), { timeout: 60_000 }).toMatchObject({ hook: "handleData", line: 5 });
  await app.toolbar.stop();
  expect(await app.toolbar.runEnds(15_000)).toBe("stopped");
  await expect(app.toolbar.runButton).toBeVisible();
  await app.tabs.open("log");
  await expect(app.log.lines().last()).toContainText("stopped by the user");
  // The page is cross-origin isolated, so the worker said where it was before it was terminated.
  await expect(app.page.getByTestId("stop-banner")).toContainText(
    /in handleData at bar 5 \(\d{4}-\d\d-\d\d\), line 5$/,
  );
  await expect(app.log.lines().last()).toContainText("in handleData at bar 5 (");
  await app.page.screenshot({ path: "test-results/stopped-run.png" });
});

/** A strategy that takes about a millisecond a bar (more on a busy machine), so a Stop comes mid-run. */
const SLOW = [
  'import { TradingAlgorithm } from "playground";',
  "export default class Slow extends TradingAlgorithm {",
  "  handleData(context, data) {",
  "    let x = 0;",
  "    for (let i = 0; i < 300000; i++) x += Math.sqrt(i);",
  '    if (x < 0) throw new Error("never");',
  "  }",
  "}",
  "",
].join("\n");

test("a run stopped mid-way keeps its equity up to the bar the Stop names, none lost", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(SLOW);
  await app.toolbar.run();
  // Well under way: some batches have been drawn.
  await expect.poll(() => app.equity.points(), { timeout: 120_000 }).toBeGreaterThan(50);
  await app.toolbar.stop();
  expect(await app.toolbar.runEnds(15_000)).toBe("stopped");
  const said = (await app.page.getByTestId("stop-banner").textContent()) ?? "";
  const bar = /in handleData at bar ([\d,]+) /.exec(said)?.[1];
  expect(bar, said).toBeDefined();
  // The bar named is a timeline index: the curve has every bar from the first to it.
  await expect.poll(() => app.equity.points()).toBe(Number(bar!.replace(/,/g, "")) + 1);
});

test("Esc stops a running strategy", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(INFINITE_LOOP);
  await app.toolbar.run();
  await expect(app.toolbar.stopButton).toBeVisible();
  await app.page.keyboard.press("Escape");
  expect(await app.toolbar.runEnds(15_000)).toBe("stopped");
});

/** What the page reads from the worker's shared cells (src/runtime/where-cells.ts). */
function runWhere(page: Page) {
  return page.evaluate(() => (window as unknown as { playground: { runWhere(): unknown } }).playground.runWhere());
}

test("a run that exceeds the time limit is stopped with a clear message", async ({ app }) => {
  await app.open();
  await app.settings.apply({ timeLimit: 5 });
  await app.editor.replaceCode(INFINITE_LOOP);
  await app.toolbar.run();
  expect(await app.toolbar.runEnds(30_000)).toBe("timeout");
  await expect(app.errorBanner.root).toHaveAttribute("data-kind", "timeout");
  await expect(app.errorBanner.message()).toContainText("5 s time limit");
  await expect(app.errorBanner.message()).toContainText(/stopped in handleData at bar 5 \(\d{4}-\d\d-\d\d\), line 5 /);
  // The loop's line is marked in the editor, as an error's is.
  await expect.poll(async () => (await app.editor.runMarkers()).map((m) => m.line)).toEqual([5]);
});
