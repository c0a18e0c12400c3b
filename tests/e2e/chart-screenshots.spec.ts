import { expect, test } from "./helpers/playground";

// Golden pictures of the two charts after the default run; everything else is tested
// through data-* counts. Regenerate with `npx playwright test chart-screenshots --update-snapshots`.
test("buy and hold: candles, fill marker and price record, then equity and drawdown", async ({ app }) => {
  await app.open();
  await app.toolbar.runToCompletion();
  await app.page.mouse.move(0, 0);
  await expect.poll(() => app.equity.points()).toBe(2768);
  await app.drawn();
  await expect(app.chart.root).toHaveScreenshot("price-chart-buy-and-hold.png");
  await expect(app.equity.root).toHaveScreenshot("equity-chart-buy-and-hold.png");
});

test("light theme charts", async ({ app }) => {
  await app.open();
  await app.theme.toggle();
  await expect(app.theme.root()).toHaveAttribute("data-theme", "light");
  await app.toolbar.runToCompletion();
  await app.page.mouse.move(0, 0);
  await expect.poll(() => app.equity.points()).toBe(2768);
  await app.drawn();
  await expect(app.chart.root).toHaveScreenshot("price-chart-light.png");
});
