import type { Page } from "@playwright/test";
import type { BarForensics } from "../../src/engine/matching/bar-forensics";
import type { ChartDebugApi } from "../../src/ui/charts/chart-debug-api";
import type { ForensicsDebugApi } from "../../src/ui/forensics/forensics-debug-api";
import { expect, test } from "./helpers/playground";

type Win = Window & { playground: { chart: ChartDebugApi; forensics: ForensicsDebugApi } };
const forensics = (page: Page) => page.evaluate(() => (window as unknown as Win).playground.forensics.data());

// The bracket example's TSLA bar of 2017-04-06: open 18.10, high 18.98, low 16.00, close 17.15.
// The high is nearer the open (0.88 against 2.10), so the path is 18.10 → 18.98 → 16.00 → 17.15.
// Its live pair, bought 100 at 17.32866 the day before: SL o89 sell stop 16.33, TP o90 sell limit
// 18.91. The TP is touched on the first leg, at (18.91 − 18.10) / 0.88 = 0.92 of it; the SL only on
// the second, so the bar is ambiguous and the default policy (path) fills the TP at 18.91:
// P&L (18.91 − 17.32866) × 100 − 0.20 commission = +157.93. Under stopFirst the SL fills instead,
// at 16.33 less 5 bp slippage = 16.321835: (16.321835 − 17.32866) × 100 − 0.20 = −100.88.
const BAR = "2017-04-06T00:00:00.000Z";

test("clicking the bracket's exit bar explains the path, the leg and the reason; the what-if lists the trade that changes", async ({
  app,
}) => {
  test.setTimeout(180_000);
  await app.open();
  await app.gallery.open();
  await app.gallery.choose("bracket-order");
  await app.toolbar.runToCompletion();
  await expect.poll(() => app.chart.symbol()).toBe("TSLA");

  await app.page.evaluate(() =>
    (window as unknown as Win).playground.chart.show("2017-03-20T00:00:00.000Z", "2017-04-20T00:00:00.000Z"),
  );
  await app.drawn();
  const p = await app.page.evaluate(() => (window as unknown as Win).playground.chart.pointOf("o90"));
  expect(p, "the TP's marker is drawn").not.toBeNull();
  const box = (await app.chart.root.boundingBox())!;
  await app.page.mouse.click(box.x + p!.x, box.y + p!.y);

  const panel = app.page.getByTestId("forensics-panel");
  await expect(panel).toBeVisible();
  // It leaves the clicked bar in view.
  const pb = (await panel.boundingBox())!;
  expect(pb.x + pb.width < box.x + p!.x || pb.x > box.x + p!.x, "the panel is beside the bar").toBe(true);
  const f = (await forensics(app.page)) as BarForensics;
  expect(new Date(f.bar.dt).toISOString()).toBe(BAR);
  expect(f.path.map((x) => x.label)).toEqual(["open", "high", "low", "close"]);
  await expect(app.page.getByTestId("forensics-path")).toContainText("open → high → low → close");
  expect(f.ambiguous).toMatchObject([
    { stopId: "o89", targetId: "o90", pathFirst: "o90", chosen: "o90", policy: "path" },
  ]);
  const tp = f.orders.find((o) => o.orderId === "o90")!;
  expect(tp.reach!.tau).toBeCloseTo(0.81 / 0.88, 9);
  expect(tp.fillPrice).toBeCloseTo(18.91, 9);
  const tpRow = panel.locator('[data-order-id="o90"]');
  await expect(tpRow).toContainText("TP");
  await expect(tpRow).toContainText("touch");
  await expect(tpRow).toContainText("same-bar policy");
  await expect(app.page.getByTestId("forensics-ambiguous")).toContainText(
    "The path reaches TP o90 first (on the way from the open 18.10 up to the high 18.98); the same-bar policy `path` follows the path: TP o90 filled.",
  );
  await expect(panel.locator('[data-order-id="o89"]')).toContainText("OCO: the other leg o90 filled");
  await expect(app.page.getByTestId("forensics-point-o90")).toBeVisible();
  // Away from the chart, so the hover card does not sit on the picture.
  await app.page.mouse.move(box.x - 100, box.y + 10);
  await app.page.screenshot({ path: "test-results/fill-forensics.png" });

  await app.page.getByTestId("forensics-what-if").check();
  const results = app.page.getByTestId("what-if-results");
  const stopFirst = results.locator('[data-policy="stopFirst"]');
  await expect(stopFirst).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  await expect(results.locator('[data-policy="targetFirst"]')).toHaveAttribute("data-status", "done", {
    timeout: 90_000,
  });
  // The example's two ambiguous bars both went to the TP under path, so targetFirst changes nothing.
  await expect(results.locator('[data-policy="targetFirst"]')).toContainText("no trade changes");
  await expect(stopFirst).toContainText("2 trades change");
  const here = stopFirst.getByTestId("what-if-change").first();
  await expect(here).toContainText("this bar");
  await expect(here).toContainText("TP 2017-04-06 @ 18.91, P&L +157.93 → SL 2017-04-06 @ 16.32, P&L −100.88");
  // The shown results are untouched.
  expect((await forensics(app.page))!.orders.find((o) => o.orderId === "o90")!.filled).toBe(-100);
  await results.scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: "test-results/fill-forensics-what-if.png" });

  await app.theme.toggle();
  await app.drawn();
  await app.page.screenshot({ path: "test-results/fill-forensics-light.png" });
  await app.page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
});

// The stop-loss example's AAPL stop o10 (19.20, 5% under its entry) meets 2014-03-05: open 18.99,
// high 19.06, low 18.99, close 19.02. The bar opens below the stop: a gap, filled at the open 18.99
// (5 bp of slippage would go to 18.98, under the bar's low 18.99, so the fill is clamped to 18.99).
test("clicking a fill row of a gapped stop opens its bar's forensics, which says gap at the open", async ({ app }) => {
  await app.open();
  await app.gallery.open();
  await app.gallery.choose("stop-loss");
  await app.toolbar.runToCompletion();
  await app.tabs.open("fills");
  await app.fills.forOrder("o10").click();
  const panel = app.page.getByTestId("forensics-panel");
  await expect(panel).toBeVisible();
  const row = panel.locator('[data-order-id="o10"]');
  await expect(row).toHaveAttribute("data-why", "gap");
  await expect(row).toContainText("gap: the bar opened at 18.99, already through 19.20");
  await expect(row).toContainText("filled 100 at 18.99");
  const f = (await forensics(app.page))!;
  expect(new Date(f.bar.dt).toISOString()).toBe("2014-03-05T00:00:00.000Z");
  await app.page.screenshot({ path: "test-results/fill-forensics-gap.png" });
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(panel).toBeHidden();
});
