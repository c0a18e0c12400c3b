import { expect, test } from "./helpers/playground";

test("the Export menu closes with Esc and when the user clicks elsewhere, like any menu", async ({ app }) => {
  await app.open();
  const menu = app.page.getByTestId("export-menu");
  await app.page.getByTestId("export").click();
  await expect(menu).toBeVisible();
  await app.page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  await app.page.getByTestId("export").click();
  await expect(menu).toBeVisible();
  // Opening the library beside it must not leave the menu hanging over the chart.
  await app.page.getByTestId("open-library").click();
  await expect(menu).toBeHidden();

  // The button still toggles it, and a menu item still acts (the press inside is not "outside").
  await app.page.getByTestId("export").click();
  const download = app.page.waitForEvent("download");
  await app.page.getByTestId("export-strategy-ts").click();
  expect((await download).suggestedFilename()).toMatch(/\.ts$/);
  await expect(menu).toBeHidden();
});
