import { expect, test } from "./helpers/playground";

const WITHOUT_LIMIT_ORDER = [
  'import { TradingAlgorithm } from "playground";',
  "export default class Waits extends TradingAlgorithm {",
  "  handleData(context, data) {",
  "    const style = ",
  "  }",
  "}",
  "",
].join("\n");

test("completing `new Lim` offers LimitOrder before it is imported and adds it to the import line", async ({ app }) => {
  const page = app.page;
  await app.open();
  await app.editor.replaceCode(WITHOUT_LIMIT_ORDER);
  await app.editor.languageReady();
  await page.evaluate(() => {
    const ed = (window as unknown as { playground: { editor: import("monaco-editor").editor.ICodeEditor } }).playground
      .editor;
    ed.setPosition({ lineNumber: 4, column: 19 });
    ed.focus();
  });
  const focused = page.locator(".suggest-widget .monaco-list-row.focused");
  // Completions come with their docs open beside them, no Ctrl+Space needed (which would toggle
  // them, so the list is asked for through the editor's command): what the name does.
  await page.keyboard.type("this.orderTar");
  await expect(async () => {
    await page.evaluate(() =>
      (
        window as unknown as { playground: { editor: import("monaco-editor").editor.ICodeEditor } }
      ).playground.editor.trigger("test", "editor.action.triggerSuggest", {}),
    );
    await expect(focused).toContainText("orderTarget", { timeout: 5_000 });
    await expect(page.locator(".suggest-details")).toContainText("Orders the difference to a target number of shares", {
      timeout: 5_000,
    });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press("Escape");
  for (let i = 0; i < "this.orderTar".length; i++) await page.keyboard.press("Backspace");

  await page.keyboard.type("new Lim");
  await expect(async () => {
    await page.keyboard.press("Control+Space");
    await expect(focused).toContainText("LimitOrder", { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press("Enter");
  await page.keyboard.type("(10);");
  await expect.poll(() => app.editor.code()).toContain("const style = new LimitOrder(10);");
  expect((await app.editor.code()).split("\n")[0]).toBe('import { TradingAlgorithm, LimitOrder } from "playground";');

  // TypeScript agrees: the class is imported, nothing is underlined (hints such as the untyped parameters' dots aside). Its markers settle after
  // the edit, so poll until the worker has seen the new text (a squiggle would stay).
  await expect
    .poll(async () => (await app.editor.markers()).filter((m) => m.owner === "typescript" && m.severity >= 4).length, {
      timeout: 30_000,
    })
    .toBe(0);
});

test("in a blank editor, typing `hand` in the strategy's class offers the whole typed handleData and imports its types", async ({
  app,
}) => {
  const page = app.page;
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm } from "playground";',
      "export default class First extends TradingAlgorithm {",
      "}",
      "",
    ].join("\n"),
  );
  await app.editor.languageReady();
  await page.evaluate(() => {
    const ed = (window as unknown as { playground: { editor: import("monaco-editor").editor.ICodeEditor } }).playground
      .editor;
    ed.setPosition({ lineNumber: 2, column: 54 });
    ed.focus();
  });
  await page.keyboard.press("Enter");
  await page.keyboard.type("hand");
  const focused = page.locator(".suggest-widget .monaco-list-row.focused");
  await expect(async () => {
    await page.keyboard.press("Control+Space");
    await expect(focused).toContainText("every bar", { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press("Enter");
  await page.keyboard.type('this.log.info("bar");');
  await expect
    .poll(() => app.editor.code())
    .toContain('  override handleData(context: Context, data: BarData): void {\n    this.log.info("bar");\n  }');
  expect((await app.editor.code()).split("\n")[0]).toBe(
    'import { TradingAlgorithm, type Context, type BarData } from "playground";',
  );
  await expect
    .poll(async () => (await app.editor.markers()).filter((m) => m.owner === "typescript" && m.severity >= 4).length, {
      timeout: 30_000,
    })
    .toBe(0);
  await app.toolbar.runToCompletion();
});
