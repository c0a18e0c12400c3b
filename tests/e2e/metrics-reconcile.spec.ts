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
  // Counts read as the toolbar writes them (2,768 bars of SPY), and a loss is coloured as one.
  await expect(app.metrics.value("bars")).toHaveText("2,768 (2014-01-02 → 2024-12-31)");
  expect(await value("average-loss")).toBeLessThan(0);
  await expect(app.metrics.value("average-loss")).toHaveClass(/\bneg\b/);
});
