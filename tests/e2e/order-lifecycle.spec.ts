import { expect, test } from "./helpers/playground";

test("a bracket order's legs wait HELD, go live when the entry fills, and one cancels the other", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  await app.gallery.open();
  await app.gallery.choose("bracket-order");
  await app.toolbar.runToCompletion();

  // A leg cancelled by its OCO partner shows why.
  await app.blotter.filterStatus("CANCELLED");
  const cancelled = app.blotter.rows().first();
  await expect(app.blotter.reason(cancelled)).toContainText(/^OCO: /);
  await cancelled.click();
  const history = app.blotter.history(await app.blotter.idOf(cancelled));
  await expect(history).toContainText("OrderHeld");
  await expect(history).toContainText("OrderReleased");
  await expect(history).toContainText("OrderCancelled");

  // The chart draws the legs' stop-loss and take-profit levels.
  expect(await app.chart.levels()).toBeGreaterThan(0);

  // The status filter belongs to that run: the next run shows every order again.
  await app.toolbar.runToCompletion();
  await expect(app.page.getByTestId("blotter-status")).toHaveValue("");
  await expect(app.blotter.rows().filter({ hasText: "FILLED" }).first()).toBeVisible();
});

test("a trailing stop's moves are drawn as a step line", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  await app.gallery.open();
  await app.gallery.choose("trailing-stop");
  await app.toolbar.runToCompletion();
  await expect.poll(() => app.chart.levels()).toBeGreaterThan(0);
  await app.blotter.filterStatus("open");
  await expect(app.blotter.rows().first()).toContainText("trail");
});
