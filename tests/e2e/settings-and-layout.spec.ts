import { expect, test } from "./helpers/playground";

test("a date range in Settings limits the run to those bars", async ({ app }) => {
  await app.open();
  await app.page.getByTestId("open-settings").click();
  await app.page.getByTestId("setting-start").fill("2020-01-01");
  await app.page.getByTestId("setting-end").fill("2020-12-31");
  await app.page.getByTestId("open-settings").click();
  await app.toolbar.runToCompletion();
  // 2020 had 253 NYSE sessions.
  await expect(app.toolbar.progress).toContainText("253 / 253 bars");
  await app.tabs.open("fills");
  await expect(app.fills.forOrder("o1")).toContainText("2020-01-03");
});

test("starting cash from Settings is the equity curve's starting point", async ({ app }) => {
  await app.open();
  await app.page.getByTestId("open-settings").click();
  await app.page.getByTestId("setting-cash").fill("50000");
  await app.page.getByTestId("open-settings").click();
  await app.toolbar.runToCompletion();
  await app.tabs.open("metrics");
  await expect(app.page.getByTestId("metric-starting-cash")).toHaveText("50,000.00");
});

test("dragging the divider between editor and charts resizes them", async ({ app }) => {
  await app.open();
  const handle = app.page.getByTestId("split-editor");
  const before = (await app.editor.root.boundingBox())!.width;
  const box = (await handle.boundingBox())!;
  await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 5 });
  await app.page.mouse.up();
  await expect.poll(async () => (await app.editor.root.boundingBox())!.width).toBeGreaterThan(before + 150);
});

test("the theme toggle switches to light and the choice is remembered", async ({ app }) => {
  await app.open();
  await expect(app.page.locator("html")).toHaveAttribute("data-theme", "dark");
  await app.page.getByTestId("theme-toggle").click();
  await expect(app.page.locator("html")).toHaveAttribute("data-theme", "light");
  await app.page.waitForTimeout(500);
  await app.page.reload();
  await expect(app.page.locator("html")).toHaveAttribute("data-theme", "light");
});
