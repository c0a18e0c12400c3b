import { expect, test } from "./helpers/playground";

// About 1 ms per bar: the run lasts a few seconds, long enough to watch it stream.
const SLOW_STRATEGY = [
  'import { TradingAlgorithm, order } from "playground";',
  "export default class Slow extends TradingAlgorithm {",
  "  handleData(context, data) {",
  "    const until = performance.now() + 1;",
  "    while (performance.now() < until) {}",
  '    if (context.barIndex === 0) order(this.symbol("SPY"), 10);',
  "  }",
  "}",
  "",
].join("\n");

test("while a slow strategy runs, the equity curve grows and its order fills before the run ends", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(SLOW_STRATEGY);
  await app.toolbar.run();
  await expect(app.blotter.status("o1")).toHaveText("FILLED");
  await expect.poll(() => app.equity.points()).toBeGreaterThan(0);
  // All of that happened mid-run.
  await expect(app.toolbar.progress).toHaveAttribute("data-status", "running");
  expect(await app.equity.points()).toBeLessThan(await app.chart.bars());
  await expect(app.toolbar.progress).toContainText(/\d+ \/ 2,768 bars · \d/);

  expect(await app.toolbar.runEnds()).toBe("done");
  // The finished run is drawn in the frames after `done` (data-final says when): every bar.
  await expect(app.equity.root).toHaveAttribute("data-final", "true");
  expect(await app.equity.points()).toBe(2768);
});

test("the equity chart shows the same bars as the price chart", async ({ app }) => {
  await app.open();
  await app.toolbar.runToCompletion();
  const range = async (el: typeof app.chart.root) => [
    await el.getAttribute("data-visible-from"),
    await el.getAttribute("data-visible-to"),
  ];
  await expect.poll(async () => range(app.equity.root)).toEqual(await range(app.chart.root));
  // Zooming the price chart (mouse wheel over it) moves the equity chart along.
  const width = async () =>
    Number(await app.chart.root.getAttribute("data-visible-to")) -
    Number(await app.chart.root.getAttribute("data-visible-from"));
  const before = await width();
  await app.chart.root.hover();
  for (let i = 0; i < 5; i++) await app.page.mouse.wheel(0, -300);
  await expect.poll(width).toBeLessThan(before * 0.8);
  await expect.poll(async () => range(app.equity.root)).toEqual(await range(app.chart.root));
});

test("clicking a log line takes the chart to that bar", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm } from "playground";',
      "export default class Logs extends TradingAlgorithm {",
      "  handleData(context, data) {",
      '    if (context.barIndex === 1000) this.log.info("the thousandth bar");',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.runToCompletion();
  await app.tabs.open("log");
  await app.log.lines().filter({ hasText: "the thousandth bar" }).click();
  await expect
    .poll(async () => {
      const from = Number(await app.chart.root.getAttribute("data-visible-from"));
      const to = Number(await app.chart.root.getAttribute("data-visible-to"));
      return from <= 1000 && 1000 <= to && to - from < 250;
    })
    .toBe(true);
});

test("what analyze logs after the last bar is in the Log panel, after the bars' lines", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm } from "playground";',
      "export default class Reports extends TradingAlgorithm {",
      "  handleData(context, data) {",
      '    if (context.barIndex === 0) this.log.info("first bar");',
      "  }",
      "  analyze(context, results) {",
      '    console.log("final value " + results.summary.endingValue);',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.runToCompletion();
  await app.tabs.open("log");
  await expect(app.log.lines()).toHaveCount(2);
  await expect(app.log.lines().nth(0)).toContainText("first bar");
  await expect(app.log.lines().nth(1)).toContainText("final value 100000");
});
