import { expect, test } from "./helpers/playground";

// Quoted to a tenth of a pip, as FX data is: the page shows its prices with all five decimals.
const GOOD = [
  "Date,Open,High,Low,Close,Volume",
  "2021-01-04,1.10000,1.10250,1.09875,1.10125,1000",
  "2021-01-05,1.10125,1.10500,1.10000,1.10375,1200",
  "2021-01-06,1.10375,1.10400,1.10125,1.10250,900",
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

test("an imported CSV is charted in its own decimals and a strategy can trade it", async ({ app }) => {
  await app.open();
  await app.csvImport.upload("ACME.csv", GOOD);
  await expect(app.chart.root).toHaveAttribute("data-symbol", "ACME");
  expect(await app.chart.bars()).toBe(3);
  // The latest candle: 1.10250 / 1.10375 - 1 = -0.11 %.
  await expect(app.chart.ohlc()).toHaveText("2021-01-06  O 1.10375  H 1.10400  L 1.10125  C 1.10250  -0.11%  V 900");
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
  // Bought at the next open with 5 bp of slippage: 1.10125 × 1.0005 = 1.1018006, 1.10180 to the tick.
  await expect(app.blotter.row("o1")).toContainText("1.10180");
});
