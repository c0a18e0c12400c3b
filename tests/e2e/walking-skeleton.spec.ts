import { COLD_START, expect, test } from "./helpers/playground";

test("a first-time user runs buy and hold and sees the fill and the equity curve", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  expect(await app.editor.code()).toContain("export default class BuyAndHold extends TradingAlgorithm");
  expect(await app.chart.symbol()).toBe("SPY");
  expect(await app.chart.bars()).toBeGreaterThan(2000);
  // The button's name is its word: the arrow is decoration, hidden from screen readers.
  await expect(app.page.getByRole("button", { name: "Run", exact: true })).toBeVisible();

  await app.toolbar.runToCompletion();

  await expect(app.blotter.status("o1")).toHaveText("FILLED");
  await expect(app.blotter.row("o1")).toContainText("SPY");
  await app.tabs.open("fills");
  await expect(app.fills.forOrder("o1")).toHaveCount(1);
  await expect(app.fills.forOrder("o1")).toContainText("BUY");
  expect(await app.chart.markers()).toBe(1);
  // this.record({ price }) draws one line under the candles.
  expect(await app.chart.recordSeries()).toBe(1);
  expect(await app.equity.points()).toBe(await app.chart.bars());
  await expect(app.toolbar.progress).toContainText("2,768 / 2,768 bars");
});

test("Ctrl+Enter in the editor runs the strategy", async ({ app }) => {
  await app.open();
  await app.editor.focus();
  await app.page.keyboard.press("ControlOrMeta+Enter");
  expect(await app.toolbar.runEnds()).toBe("done");
  // The shortcut ran the code; it did not insert a line into it.
  expect(await app.editor.code()).not.toMatch(/\n\n\n/);
});

test("the editor knows the playground API: hovering `order` shows its documentation", async ({ app }) => {
  await app.open();
  await app.editor.hoverShows("order(context.asset", "Buys (amount > 0) or sells");
  // The bundled code type-checks: no red squiggles from TypeScript.
  await expect.poll(async () => (await app.editor.markers()).filter((m) => m.severity === 8).length).toBe(0);
});

test("a type error in the editor gets a red squiggle before any run", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm, order } from "playground";',
      "export default class Bad extends TradingAlgorithm {",
      "  handleData(context, data) {",
      '    order(context.asset, "ten");',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.editor.languageReady();
  await expect
    .poll(async () => (await app.editor.markers()).filter((m) => m.owner === "typescript").map((m) => m.line), {
      timeout: COLD_START,
    })
    .toContain(4);
});
