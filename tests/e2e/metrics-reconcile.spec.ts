import { expect, test } from "./helpers/playground";

const money = (text: string | null) => Number((text ?? "").replace(/[^0-9.-]/g, ""));

test("the Metrics tab says how realized and unrealized P&L add up to the net profit", async ({ app }) => {
  await app.open();
  await app.editor.ready();
  await app.gallery.open();
  await app.gallery.choose("stop-loss"); // ends holding SPY, so both parts are non-zero, and pays commissions
  await app.toolbar.runToCompletion();
  await app.tabs.open("metrics");
  const value = async (name: string) => money(await app.metrics.value(name).textContent());
  const net = await value("net-profit");
  const realized = await value("realized-p-l");
  const unrealized = await value("unrealized-p-l");
  const commissions = await value("commissions");
  expect(commissions).toBeGreaterThan(0);
  expect(Math.abs(realized + unrealized - commissions - net)).toBeLessThanOrEqual(0.02);
  // A reader adding the two P&L rows gets more than the net profit: the row must say why.
  const row = app.page.locator(".metric", { has: app.metrics.value("realized-p-l") });
  await expect(row).toHaveAttribute("title", /before commissions/);
});
