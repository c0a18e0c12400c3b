import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "./helpers/playground";

test("the gallery lists every example file, grouped by category", async ({ app }) => {
  const files = readdirSync("examples").filter((f) => f.endsWith(".ts"));
  await app.open();
  await app.gallery.open();
  await expect(app.gallery.items()).toHaveCount(files.length);
  await expect(app.gallery.categories()).toContainText(["order types", "sizing"]);
});

test("loading an example replaces untouched code without asking", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  await app.gallery.open();
  await app.gallery.choose("pairs-trading");
  await expect.poll(() => app.editor.code()).toContain('this.symbol("PEP")');
  await expect(app.gallery.title()).toContainText(/pairs/i);
});

test("loading an example over edited code keeps the edits as their own strategy in the library", async ({ app }) => {
  await app.open();
  const mine =
    'import { TradingAlgorithm } from "playground";\n// my precious strategy\nexport default class Mine extends TradingAlgorithm {}\n';
  await app.editor.replaceCode(mine);
  await app.gallery.open();
  await app.gallery.choose("trailing-stop");
  await expect.poll(() => app.editor.code()).toContain("TrailingStopOrder");
  await app.page.getByTestId("open-library").click();
  await app.page.locator('[data-testid=library-row][data-name="Mine"] [data-testid=library-open]').click();
  await expect.poll(() => app.editor.code()).toBe(mine);
  await expect(app.page.getByTestId("template-title")).toHaveText("Mine");
});

test("a pairs trade shows fills on both legs; the chart switches between the traded symbols", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  await app.gallery.open();
  await app.gallery.choose("pairs-trading");
  await app.toolbar.runToCompletion();

  // The chart moves to the first symbol the run traded.
  await expect.poll(() => app.chart.symbol()).toMatch(/^(PEP|KO)$/);
  expect(await app.chart.markers()).toBeGreaterThan(0);
  const first = await app.chart.symbol();
  const other = first === "PEP" ? "KO" : "PEP";
  await app.chart.switchTo(other);
  await expect.poll(() => app.chart.markers()).toBeGreaterThan(0);
  // The OHLC readout is the shown symbol's latest candle, not the one shown before.
  const [date, , , , close] = readFileSync(`sample-data/${other}.csv`, "utf8").trim().split("\n").at(-1)!.split(",");
  await expect(app.page.getByTestId("ohlc")).toContainText(date!);
  await expect(app.page.getByTestId("ohlc")).toContainText(`C ${Number(close).toFixed(2)}`);
  expect(await app.chart.bars()).toBeGreaterThan(2000);

  await app.tabs.open("fills");
  await expect(app.fills.rows().filter({ hasText: "KO" }).first()).toBeVisible();
  await expect(app.fills.rows().filter({ hasText: "PEP" }).first()).toBeVisible();
});

test("code and settings survive a reload", async ({ app }) => {
  await app.open();
  const mine =
    'import { TradingAlgorithm } from "playground";\nexport default class Kept extends TradingAlgorithm {}\n';
  await app.editor.replaceCode(mine);
  await app.settings.apply({ cash: 25000, fillModel: "close" });
  // Autosave waits a moment for typing to settle: reload once it has written.
  await expect
    .poll(() => app.saved("settings"))
    .toMatch(/"cash":25000.*"fillModel":"close"|"fillModel":"close".*"cash":25000/);
  await expect.poll(() => app.saved("code")).toBe(mine);
  await app.page.reload();
  await app.editor.ready();
  expect(await app.editor.code()).toBe(mine);
  expect(await app.settings.value("cash")).toBe("25000");
  expect(await app.settings.value("fillModel")).toBe("close");
});
