import { expect, test } from "./helpers/playground";

/** Buys QQQ on the first bar and compares itself with SPY; `slow` spends about 1 ms a bar. */
function qqqAgainstSpy(slow = false): string {
  return [
    'import { TradingAlgorithm, order } from "playground";',
    "export default class QqqVsSpy extends TradingAlgorithm {",
    "  initialize(context) {",
    '    this.setBenchmark(this.symbol("SPY"));',
    "  }",
    "  handleData(context, data) {",
    ...(slow ? ["    const until = performance.now() + 1;", "    while (performance.now() < until) {}"] : []),
    '    if (context.barIndex === 0) order(this.symbol("QQQ"), 100);',
    "  }",
    "}",
    "",
  ].join("\n");
}

test("a strategy that buys QQQ against SPY sees the SPY line beside its equity and SPY's return in Metrics", async ({
  app,
}) => {
  await app.open();
  await app.editor.replaceCode(qqqAgainstSpy());
  await app.toolbar.runToCompletion();
  // The price chart moves to QQQ, what the run traded; the benchmark stays SPY.
  await expect(app.chart.root).toHaveAttribute("data-symbol", "QQQ");
  await expect.poll(() => app.equity.benchmark()).toBe("SPY");
  await expect.poll(() => app.equity.points()).toBeGreaterThan(2000);
  expect(await app.equity.benchmarkPoints()).toBe(await app.equity.points());

  await app.tabs.open("metrics");
  await expect(app.metrics.value("benchmark")).toHaveText(/^SPY -?\d+\.\d\d%$/);
});

test("while the run goes on, the benchmark line grows with the equity curve", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(qqqAgainstSpy(true));
  await app.toolbar.run();
  await expect.poll(() => app.equity.benchmarkPoints()).toBeGreaterThan(0);
  await expect(app.toolbar.progress).toHaveAttribute("data-status", "running");
  expect(await app.equity.benchmarkPoints()).toBeLessThan(await app.chart.bars());

  expect(await app.toolbar.runEnds()).toBe("done");
  await expect.poll(() => app.equity.benchmarkPoints()).toBe(await app.equity.points());
});

test("a strategy without a benchmark draws no benchmark line", async ({ app }) => {
  await app.open();
  await app.toolbar.runToCompletion();
  await expect.poll(() => app.equity.points()).toBeGreaterThan(0);
  expect(await app.equity.benchmarkPoints()).toBe(0);
  expect(await app.equity.benchmark()).toBe("");
});
