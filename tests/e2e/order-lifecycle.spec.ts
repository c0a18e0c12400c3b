import { expect, test } from "./helpers/playground";

test("a bracket order's legs wait HELD, go live when the entry fills, and one cancels the other", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  await app.gallery.open();
  await app.gallery.choose("bracket-order");
  await app.toolbar.runToCompletion();

  // A leg cancelled by its OCO partner shows why.
  await app.blotter.filterStatus("CANCELLED");
  const cancelled = app.blotter.rows().first();
  await expect(app.blotter.reason(cancelled)).toContainText(/^OCO: /);
  await cancelled.click();
  const history = app.blotter.history(await app.blotter.idOf(cancelled));
  await expect(history).toContainText("OrderHeld");
  await expect(history).toContainText("OrderReleased");
  await expect(history).toContainText("OrderCancelled");

  // The chart draws the legs' stop-loss and take-profit levels.
  expect(await app.chart.levels()).toBeGreaterThan(0);

  // The status filter belongs to that run: the next run shows every order again.
  await app.toolbar.runToCompletion();
  await expect(app.page.getByTestId("blotter-status")).toHaveValue("");
  await expect(app.blotter.rows().filter({ hasText: "FILLED" }).first()).toBeVisible();
});

test("a trailing stop's moves are drawn as a step line", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  await app.gallery.open();
  await app.gallery.choose("trailing-stop");
  await app.toolbar.runToCompletion();
  await expect.poll(() => app.chart.levels()).toBeGreaterThan(0);
  await app.blotter.filterStatus("open");
  await expect(app.blotter.rows().first()).toContainText("trail");
});

test("an order cut by the volume limit shows each partial fill as filled / amount", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm, order, setSlippage, slippage } from "playground";',
      "export default class Big extends TradingAlgorithm {",
      "  initialize(context) {",
      '    context.asset = this.symbol("SPY");',
      "    setSlippage(new slippage.FixedBasisPointsSlippage({ basisPoints: 5, volumeLimit: 0.0000005 }));",
      "  }",
      "  handleData(context) {",
      "    if (context.barIndex === 0) order(context.asset, 120);",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.runToCompletion();
  // Half a millionth of each bar's volume: 115,307,096 on 2014-01-03 lets 57 fill, 112,319,900 on
  // 01-06 another 56 (113 in all), 40,824,786 on 01-07 more than the 7 left.
  await app.blotter.row("o1").click();
  const steps = app.blotter.history("o1").getByTestId("order-transition");
  await expect(steps).toHaveText([
    "2014-01-02 OrderAccepted → OPEN",
    "2014-01-03 OrderPartiallyFilled → PARTIALLY_FILLED filled 57 / 120",
    "2014-01-06 OrderPartiallyFilled → PARTIALLY_FILLED filled 113 / 120",
    "2014-01-07 OrderFilled → FILLED filled 120",
  ]);
});
