import { expect, test } from "./helpers/playground";

const NEVER_TRADES = [
  'import { TradingAlgorithm, type Context, type BarData } from "playground";',
  "export default class Watches extends TradingAlgorithm {",
  "  override initialize(context: Context) {",
  '    context.asset = this.symbol("SPY");',
  "  }",
  "  override handleData(context: Context, data: BarData) {",
  '    if (data.current(context.asset, "close") < 0) this.log.info("never");',
  "  }",
  "}",
  "",
].join("\n");

test("a run that places no order says so in Orders and Fills instead of asking for a run", async ({ app }) => {
  await app.open();
  await expect(app.page.getByTestId("no-orders")).toHaveText("No orders yet. Press Run.");
  await app.editor.replaceCode(NEVER_TRADES);
  await app.toolbar.runToCompletion();
  await expect(app.page.getByTestId("no-orders")).toHaveText("This run placed no orders.");
  await app.tabs.open("fills");
  await expect(app.page.getByTestId("no-fills")).toHaveText("This run filled no orders.");
  await app.tabs.open("trades");
  await expect(app.page.getByText("No closed round trips")).toBeVisible();
});
