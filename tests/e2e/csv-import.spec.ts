import { expect, test } from "./helpers/playground";

const GOOD = [
  "Date,Open,High,Low,Close,Volume",
  "2021-01-04,10,11,9,10.5,1000",
  "2021-01-05,10.5,12,10,11.5,1200",
  "2021-01-06,11.5,12,11,11.8,900",
  "",
].join("\n");
const BROKEN = [
  "Date,Open,High,Low,Close,Volume",
  "2021-01-04,10,11,9,10.5,1000",
  "2021-01-05,10.5,9,10,11.5,1200",
  "",
].join("\n");

test("a broken CSV says file, line and column, and loses nothing", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  const before = await app.editor.code();
  await app.csvImport.upload("ACME.csv", BROKEN);
  await expect(app.csvImport.error()).toContainText("ACME.csv:3:3");
  await expect(app.csvImport.error()).toContainText("high 9 is below");
  expect(await app.editor.code()).toBe(before);
  expect(await app.chart.symbol()).toBe("SPY");
});

test("an imported CSV is charted and a strategy can trade it", async ({ app }) => {
  await app.open();
  await app.csvImport.upload("ACME.csv", GOOD);
  await expect(app.chart.root).toHaveAttribute("data-symbol", "ACME");
  expect(await app.chart.bars()).toBe(3);
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm, order } from "playground";',
      "export default class BuysAcme extends TradingAlgorithm {",
      "  handleData(context, data) {",
      '    const acme = this.symbol("ACME");',
      "    // The bundled data starts years earlier; ACME trades from its first bar on.",
      "    if (!context.bought && data.canTrade(acme)) {",
      "      order(acme, 10);",
      "      context.bought = true;",
      "    }",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.runToCompletion();
  await expect(app.blotter.status("o1")).toHaveText("FILLED");
  await expect(app.blotter.row("o1")).toContainText("ACME");
});
