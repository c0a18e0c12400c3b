import { expect, test } from "./helpers/playground";

// Which leg fills under each policy is told in settings-and-layout.spec.ts; this is the select itself.
test("the same-bar select offers the three policies, starts at path, and the choice comes back after a reload", async ({
  app,
}) => {
  await app.open();
  await app.settings.open();
  const select = app.settings.field("sameBar");
  await expect(select).toHaveValue("path");
  await expect(select.locator("option")).toHaveText([
    "path: the price path decides",
    "stopFirst: assume the stop hit first",
    "targetFirst: assume the target hit first",
  ]);
  await app.settings.set("sameBar", "stopFirst");
  await expect
    .poll(() => app.page.evaluate(() => JSON.parse(localStorage.getItem("sp.settings.v1") ?? "{}").run?.sameBarPolicy))
    .toBe("stopFirst");
  await app.page.reload();
  expect(await app.settings.value("sameBar")).toBe("stopFirst");
});

test("switching the commission model shows that model's parameters at their defaults", async ({ app }) => {
  await app.open();
  await app.settings.open();
  await expect(app.settings.field("commissionCost")).toHaveValue("0.001");
  await expect(app.settings.field("commissionMin")).toHaveValue("0");
  await app.settings.set("commission", "PerTrade");
  // zipline's PerTrade default, the same as a strategy's `new PerTrade()`.
  await expect(app.settings.field("commissionCost")).toHaveValue("0");
  await expect(app.settings.field("commissionMin")).toHaveCount(0);
  await app.settings.set("slippage", "FixedSlippage");
  await expect(app.settings.field("spread")).toHaveValue("0");
  await expect(app.settings.field("volumeLimit")).toHaveCount(0);
  await app.page.screenshot({ path: "test-results/settings-panel.png" });
});
