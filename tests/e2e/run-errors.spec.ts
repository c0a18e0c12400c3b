import { COLD_START } from "./helpers/editor";
import { expect, test } from "./helpers/playground";

test("a syntax error stops the run before it starts and marks its line", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm } from "playground";',
      "export default class Broken extends TradingAlgorithm {",
      "  handleData(context, data) {",
      "    const x = ;",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.run();
  expect(await app.toolbar.runEnds()).toBe("error");
  await expect(app.errorBanner.root).toHaveAttribute("data-kind", "compile");
  await expect(app.errorBanner.line()).toHaveText(/^line 4/);
  await expect.poll(async () => (await app.editor.runMarkers()).map((m) => m.line)).toEqual([4]);
});

test("a runtime error in handleData names the line and the bar it happened on", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm } from "playground";',
      "",
      "export default class Throws extends TradingAlgorithm {",
      "  handleData(context, data) {",
      "    if (context.barIndex === 10) {",
      '      throw new Error("boom on the eleventh bar");',
      "    }",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.run();
  expect(await app.toolbar.runEnds()).toBe("error");
  await expect(app.errorBanner.message()).toContainText("boom on the eleventh bar");
  await expect(app.errorBanner.line()).toHaveText(/^line 6/);
  // The eleventh bar of the sample data.
  await expect(app.errorBanner.barTime()).toHaveText("bar 2014-01-16");
  await expect.poll(async () => (await app.editor.runMarkers()).map((m) => m.line)).toEqual([6]);

  // The place in the banner takes the cursor there, ready to fix it; the bar shows on the chart.
  const column = Number((await app.errorBanner.line().textContent())!.split(":")[1]);
  expect(column).toBe(13); // `new Error(…)` after six spaces and `throw `
  await app.errorBanner.line().click();
  await expect.poll(() => app.editor.cursor()).toEqual({ line: 6, column, focused: true });
  await app.errorBanner.barTime().click();
  // Bar 10 is near the start: the view starts at the first bars, not half empty before them.
  await expect.poll(async () => (await app.chart.visibleBars()).from).toBeGreaterThan(-5);
  await expect.poll(async () => (await app.chart.visibleBars()).to).toBeLessThan(130);

  await app.tabs.open("log");
  const errorLine = app.log.lines().filter({ hasText: "boom on the eleventh bar" });
  await expect(errorLine).toHaveAttribute("data-level", "error");
  await expect(errorLine).toContainText("2014-01-16");
});

test("fixing the code and running again clears the error", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    'import { TradingAlgorithm } from "playground";\nexport default class B extends TradingAlgorithm {\n  handleData() { throw new Error("no"); }\n}\n',
  );
  await app.toolbar.run();
  expect(await app.toolbar.runEnds()).toBe("error");
  await app.editor.replaceCode(
    'import { TradingAlgorithm } from "playground";\nexport default class B extends TradingAlgorithm {\n  handleData() {}\n}\n',
  );
  await app.toolbar.runToCompletion();
  await expect(app.errorBanner.root).toHaveCount(0);
  await expect.poll(async () => (await app.editor.runMarkers()).length).toBe(0);
});

test("code with a type error still runs, and a banner says the command line would refuse it", async ({ app, page }) => {
  await app.open();
  const code = (value: string) =>
    [
      'import { TradingAlgorithm, order } from "playground";',
      "export default class Typed extends TradingAlgorithm {",
      "  handleData(context, data) {",
      `    const shares: number = ${value};`,
      '    if (context.barIndex === 0) order(this.symbol("SPY"), Number(shares));',
      "  }",
      "}",
      "",
    ].join("\n");
  await app.editor.replaceCode(code('"10"'));
  await app.editor.languageReady();
  await expect.poll(() => app.editor.typeErrorLines(), { timeout: COLD_START }).toEqual([4]);
  await app.toolbar.runToCompletion();
  const banner = page.getByTestId("type-errors-banner");
  await expect(banner).toContainText("Ran with type errors");
  await expect(banner).toContainText("line 4:");
  await expect(banner).toContainText("not assignable to type 'number'");
  await expect(banner).toContainText("The command line refuses this code");
  await expect(app.errorBanner.root).toHaveCount(0);

  await app.editor.replaceCode(code("10"));
  await expect.poll(() => app.editor.typeErrorLines(), { timeout: COLD_START }).toEqual([]);
  await app.toolbar.runToCompletion();
  await expect(banner).toHaveCount(0);
});
