import { expect, test } from "./helpers/playground";

test("a date range in Settings limits the run to those bars", async ({ app }) => {
  await app.open();
  await app.settings.apply({ start: "2020-01-01", end: "2020-12-31" });
  await app.toolbar.runToCompletion();
  // 2020 had 253 NYSE sessions.
  await expect(app.toolbar.progress).toContainText("253 / 253 bars");
  await app.tabs.open("fills");
  await expect(app.fills.forOrder("o1")).toContainText("2020-01-03");
});

test("starting cash typed into Settings is the equity curve's starting point; a bad one is refused", async ({
  app,
}) => {
  await app.open();
  // Key by key over a cleared field: the field keeps what is typed (it used to put 100000 back
  // when cleared, so typing 50000 made 10000050000), and says why a value is not taken.
  await app.settings.type("cash", "-5");
  await expect(app.settings.error("cash")).toHaveText(
    "Needs a number above 0 and at most 1,000,000,000,000: runs keep 100,000.",
  );
  await app.settings.type("cash", "50000");
  await expect(app.settings.error("cash")).toBeHidden();
  await app.settings.close();
  await app.toolbar.runToCompletion();
  await app.tabs.open("metrics");
  await expect(app.metrics.value("starting-cash")).toHaveText("50,000.00");
});

// SPY's second bar opens at 180.10, dips to 180.07 first, then rises to 184.88: a stop-loss at
// 180.08 and a take-profit at 184.00 could both fill on it once the entry fills at the open.
const AMBIGUOUS_BRACKET = [
  'import { TradingAlgorithm, order, BracketOrder } from "playground";',
  "export default class Tight extends TradingAlgorithm {",
  "  handleData(context, data) {",
  "    if (context.barIndex === 0)",
  '      order(this.symbol("SPY"), 10, { style: new BracketOrder({ stopLossPrice: 180.08, takeProfitPrice: 184 }) });',
  "  }",
  "}",
  "",
].join("\n");

test("the same-bar setting decides which bracket leg fills when one bar reaches both", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(AMBIGUOUS_BRACKET);
  // o1 is the entry, o2 its stop-loss, o3 its take-profit. The path reaches the low first.
  await app.toolbar.runToCompletion();
  await expect(app.blotter.status("o2")).toHaveText("FILLED");
  await expect(app.blotter.status("o3")).toHaveText("CANCELLED");

  await app.settings.apply({ sameBar: "targetFirst" });
  await app.toolbar.runToCompletion();
  await expect(app.blotter.status("o3")).toHaveText("FILLED");
  await expect(app.blotter.status("o2")).toHaveText("CANCELLED");
  await app.tabs.open("fills");
  await expect(app.fills.forOrder("o3")).toContainText("184.00");

  await app.settings.apply({ sameBar: "stopFirst" });
  await app.toolbar.runToCompletion();
  await app.tabs.open("orders");
  await expect(app.blotter.status("o2")).toHaveText("FILLED");
  await expect(app.blotter.status("o3")).toHaveText("CANCELLED");
});

test("dragging the divider between editor and charts resizes them", async ({ app }) => {
  await app.open();
  const before = (await app.editor.root.boundingBox())!.width;
  await app.layout.drag(app.layout.editorSplit(), 200);
  await expect.poll(async () => (await app.editor.root.boundingBox())!.width).toBeGreaterThan(before + 150);
});

test("the theme toggle switches to light and the choice is remembered", async ({ app }) => {
  await app.open();
  await expect(app.theme.root()).toHaveAttribute("data-theme", "dark");
  await app.theme.toggle();
  await expect(app.theme.root()).toHaveAttribute("data-theme", "light");
  await expect.poll(() => app.saved("theme")).toBe("light");
  await app.page.reload();
  await expect(app.theme.root()).toHaveAttribute("data-theme", "light");
});
