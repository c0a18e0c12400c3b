import { expect, test } from "./helpers/playground";

// Tight brackets, one at a time: on many bars the range reaches both the stop-loss and the
// take-profit, and only the same-bar policy says which one filled.
const TIGHT_BRACKETS = `import { TradingAlgorithm, order, getOpenOrders, BracketOrder, MarketOrder, type Context, type BarData } from "playground";

export default class TightBrackets extends TradingAlgorithm {
  override initialize(context: Context) {
    context.asset = this.symbol("SPY");
  }
  override handleData(context: Context, data: BarData) {
    if (getOpenOrders(context.asset).length > 0) return;
    if ((context.portfolio.positions.get(context.asset)?.amount ?? 0) !== 0) return;
    const price = data.current(context.asset, "close");
    const style = new BracketOrder({ entryStyle: new MarketOrder(), stopLossPrice: price * 0.995, takeProfitPrice: price * 1.005 });
    order(context.asset, 10, { style });
  }
}
`;

test("the same-bar policy chosen in Settings decides which bracket leg fills on a bar that reaches both", async ({
  app,
}) => {
  test.slow(); // two full runs of a year of bars
  await app.open();
  await app.editor.replaceCode(TIGHT_BRACKETS);
  await app.settings.open();
  const select = app.settings.field("sameBar");
  await expect(select).toHaveValue("path");
  await expect(select.locator("option")).toHaveText([
    "path: the price path decides",
    "stopFirst: assume the stop hit first",
    "targetFirst: assume the target hit first",
  ]);
  await app.settings.set("start", "2020-01-01");
  await app.settings.set("end", "2020-12-31");

  const winRate = async (policy: string): Promise<number> => {
    await app.settings.set("sameBar", policy);
    await app.toolbar.runToCompletion();
    await app.tabs.open("metrics");
    const ambiguous = Number(await app.metrics.value("ambiguous-bars").innerText());
    expect(ambiguous).toBeGreaterThan(0);
    return parseFloat(await app.metrics.value("win-rate").innerText());
  };
  const stopFirst = await winRate("stopFirst");
  const targetFirst = await winRate("targetFirst");
  // Every ambiguous exit is a loss under stopFirst and a win under targetFirst.
  expect(stopFirst).toBeLessThan(targetFirst);

  // The choice is saved with the other settings.
  await expect
    .poll(async () => JSON.parse((await app.saved("settings")) ?? "{}").run?.sameBarPolicy)
    .toBe("targetFirst");
  await app.page.reload();
  expect(await app.settings.value("sameBar")).toBe("targetFirst");
});
