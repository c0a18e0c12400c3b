import { expect, test } from "./helpers/playground";

test("Esc closes the settings, examples and library panels, but not while renaming a strategy", async ({ app }) => {
  await app.open();
  const p = app.page;
  await p.getByRole("button", { name: "Settings" }).click();
  await expect(p.getByTestId("settings-panel")).toBeVisible();
  await p.keyboard.press("Escape");
  await expect(p.getByTestId("settings-panel")).toBeHidden();

  await app.gallery.open();
  await p.keyboard.press("Escape");
  await expect(p.getByTestId("examples-gallery")).toBeHidden();

  await p.getByTestId("open-library").click();
  const library = p.getByTestId("library-panel");
  await expect(library).toBeVisible();
  // Esc in the rename field cancels the rename only.
  await library.getByRole("button", { name: "Rename" }).first().click();
  await p.keyboard.press("Escape");
  await expect(library).toBeVisible();
  await expect(library.getByRole("button", { name: "Rename" }).first()).toBeVisible();
  await p.keyboard.press("Escape");
  await expect(library).toBeHidden();
});
