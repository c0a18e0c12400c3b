import { expect, test } from "./helpers/playground";

const testIdOfFocus = (page: import("@playwright/test").Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? "");

test("with the keyboard alone a user runs a strategy, leaves the editor and opens an order's history", async ({
  app,
}) => {
  await app.open();
  await app.gallery.open();
  await app.gallery.choose("bracket-order");
  await app.editor.focus();
  await app.page.keyboard.press("ControlOrMeta+Enter");
  expect(await app.toolbar.runEnds()).toBe("done");
  // A screen reader hears the progress by name, in bars and how the run ended.
  await expect(app.page.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute(
    "aria-valuetext",
    "2,768 of 2,768 bars, done",
  );
  const code = await app.editor.code();

  // Tab indents in the editor; Ctrl+M lets Tab move focus on (Monaco's tab-focus mode).
  await app.page.keyboard.press("Control+m");
  let reached = "";
  for (let i = 0; i < 20 && !reached.startsWith("order-row-"); i++) {
    await app.page.keyboard.press("Tab");
    reached = await testIdOfFocus(app.page);
  }
  expect(reached).toMatch(/^order-row-o\d+$/);
  expect(await app.editor.code()).toBe(code);
  const id = reached.replace("order-row-", "");

  // Enter opens the order's transitions, as a click does; Space closes them.
  await app.page.keyboard.press("Enter");
  await expect(app.blotter.history(id)).toContainText(/Order(Accepted|Held)/);
  await expect(app.blotter.row(id)).toHaveAttribute("aria-expanded", "true");
  await app.page.keyboard.press(" ");
  await expect(app.blotter.history(id)).toHaveCount(0);
  await app.page.screenshot({ path: "test-results/keyboard-order-row.png" });
});

test("Tab reaches a log line and Enter takes the chart to its bar, as a click does", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm } from "playground";',
      "export default class Logs extends TradingAlgorithm {",
      "  handleData(context, data) {",
      '    if (context.barIndex === 1000) this.log.info("the thousandth bar");',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.runToCompletion();
  await app.tabs.open("log");
  await app.page.getByTestId("log-level").focus();
  await app.page.keyboard.press("Tab");
  expect(await testIdOfFocus(app.page)).toBe("log-line");
  await app.page.keyboard.press("Enter");
  await expect
    .poll(async () => {
      const from = Number(await app.chart.root.getAttribute("data-visible-from"));
      const to = Number(await app.chart.root.getAttribute("data-visible-to"));
      return from <= 1000 && 1000 <= to && to - from < 250;
    })
    .toBe(true);
});
