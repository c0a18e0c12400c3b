import { expect, test } from "./helpers/playground";

/** No two toolbar items overlap, and none leaves the window. */
async function toolbarFits(page: import("@playwright/test").Page): Promise<void> {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=toolbar] > *")]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
  );
  const width = page.viewportSize()!.width;
  for (const b of boxes) expect(b.right).toBeLessThanOrEqual(width + 0.5);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `toolbar items ${i} and ${j} overlap`).toBe(false);
    }
}

for (const width of [1024, 800]) {
  test(`the toolbar fits at ${width} px after a run, with the results marked stale when a setting changes`, async ({
    app,
  }) => {
    await app.page.setViewportSize({ width, height: 700 });
    await app.open();
    await expect(app.toolbar.progress).toHaveAttribute("data-status", "idle");
    await app.toolbar.runToCompletion();
    await toolbarFits(app.page);
    // The run's status is whole, not cut to an ellipsis: bars done / total and "done" can be read.
    const text = app.page.getByTestId("progress-text");
    await expect(text).toContainText(/^[\d,]+ \/ [\d,]+.* · done/);
    expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth + 0.5)).toBe(true);
    await app.page.screenshot({ path: `test-results/toolbar-${width}.png` });
    await expect(app.page.getByTestId("results-stale")).toHaveCount(0);
    await app.page.getByTestId("open-settings").click();
    const cash = app.page.locator("input[type=number]").first();
    await cash.fill("123456");
    await cash.blur();
    await expect(app.page.getByTestId("results-stale")).toHaveCount(1);
  });
}

test("at 1024 px a long rejection reason stays in the window, cut with an ellipsis, whole in its tooltip", async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 800 });
  await app.open();
  await app.gallery.open();
  await app.gallery.choose("robust-ordering");
  await app.toolbar.runToCompletion();
  const reason = app.page.getByTestId("order-reason").filter({ hasText: "POSITION_LIMIT" }).first();
  await expect(reason).toBeVisible();
  const box = (await reason.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1024 + 0.5);
  // Cut: the cell shows less than its text, which its title holds whole.
  expect(await reason.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await reason.getAttribute("title")).toBe(await reason.textContent());
});

// Slow enough for the bars done to reach the page in batches, then stuck at bar 1,500.
const LOOPS_AT_BAR_1500 = [
  'import { TradingAlgorithm } from "playground";',
  "export default class SpinsLate extends TradingAlgorithm {",
  "  handleData(context, data) {",
  "    const start = Date.now();",
  "    while (Date.now() - start < 2) {}",
  "    if (context.barIndex === 1500) {",
  "      while (true) {}",
  "    }",
  "  }",
  "}",
  "",
].join("\n");

test("at 1101, 1280 and 1440 px a stopped run whose settings then changed keeps Run and every button in the window", async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1101, height: 800 });
  await app.open();
  await app.editor.replaceCode(LOOPS_AT_BAR_1500);
  await app.toolbar.run();
  // The longest status: four-digit bars, "stopped", then "stale".
  await expect(app.toolbar.progress).toHaveAttribute("title", /^1,\d{3} of 2,768 bars/, { timeout: 60_000 });
  await app.toolbar.stop();
  expect(await app.toolbar.runEnds(15_000)).toBe("stopped");
  for (const [i, width] of [1101, 1280, 1440].entries()) {
    await app.page.setViewportSize({ width, height: 800 });
    // A setting changed at this width: the Settings button is clicked here.
    await app.settings.apply({ cash: 123456 + i });
    await expect(app.page.getByTestId("results-stale")).toHaveCount(1);
    // Before, the status pushed the buttons past the window's edge, and the toolbar scrolled to
    // the Settings button just clicked: Run was left of the window.
    await toolbarFits(app.page);
    const run = (await app.toolbar.runButton.boundingBox())!;
    expect(run.x).toBeGreaterThanOrEqual(0);
    await expect(app.toolbar.progress).toHaveAttribute("title", /· stopped · stale/);
    await app.page.screenshot({ path: `test-results/toolbar-${width}-stopped-stale.png` });
  }
});
