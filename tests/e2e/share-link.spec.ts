import { expect, test } from "./helpers/playground";
import { COLD_START } from "./helpers/editor";
import { buildShareLink } from "../../src/share/build-share-link";

const SHARED = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";

export default class SharedCross extends TradingAlgorithm {
  override initialize(context: Context) {
    context.asset = this.symbol("SPY");
  }
  override handleData(context: Context, data: BarData) {
    const fast = data.history(context.asset, "close", 10, "1d").mean();
    const slow = data.history(context.asset, "close", 30, "1d").mean();
    if (fast > slow) order(context.asset, 5);
  }
}
`;
const MINE = `import { TradingAlgorithm } from "playground";
// the receiver's own precious work
export default class ReceiversOwn extends TradingAlgorithm {}
`;

test("a shared link opens in a fresh browser as a new strategy, runs only on Run, and matches the sender", async ({
  app,
  browser,
}) => {
  test.setTimeout(120_000);
  // The sender edits, runs and shares.
  await app.open();
  await app.editor.replaceCode(SHARED);
  await app.toolbar.runToCompletion();
  await app.page.getByTestId("share").click();
  const dialog = app.page.getByTestId("share-dialog");
  await expect(dialog).toBeVisible();
  await expect(app.page.getByTestId("share-status")).toContainText("fills hash");
  const url = await app.page.getByTestId("share-url").inputValue();
  expect(url).toMatch(/#v1\/[A-Za-z0-9_-]+$/);
  const senderHash = /fills hash ([0-9a-f]{16})/.exec((await app.page.getByTestId("share-status").textContent())!)![1];
  await app.page.screenshot({ path: "test-results/share-dialog.png" });
  await app.page.getByTestId("share-close").click();

  // The receiver has a strategy of their own before opening the link.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/");
  // A cold page on a busy machine takes long to load Monaco: the same wait as the editor helper's.
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: COLD_START });
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, MINE);
  await expect(page.getByTestId("template-title")).toHaveText("Receivers Own");
  // Autosave reaches IndexedDB before the link is opened in this tab.
  await page.waitForFunction(async () => {
    const dbs = await indexedDB.databases();
    return dbs.some((d) => d.name === "strategy-playground");
  });
  await page.goto(url);
  await expect(page.getByTestId("link-notice")).toHaveAttribute("data-kind", "not-run");
  await expect(page.getByTestId("link-message")).toContainText("came from a link and has not run");
  await expect(page.getByTestId("template-title")).toHaveText("Shared Cross");
  await expect(page.getByTestId("progress")).toHaveAttribute("data-status", "idle");
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { playground: { editor: { getValue(): string } } }).playground.editor.getValue(),
      ),
    )
    .toBe(SHARED);
  await page.getByTestId("open-library").click();
  await expect(page.getByTestId("library-row")).toHaveCount(2);
  await expect(page.locator('[data-testid=library-row][data-name="Receivers Own"]')).toHaveCount(1);
  await expect(page.locator('[data-testid=library-row][data-origin="link"]')).toHaveCount(1);

  await page.getByTestId("run").click();
  await expect(page.getByTestId("progress")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByTestId("link-notice")).toHaveAttribute("data-kind", "same");
  await expect(page.getByTestId("link-message")).toContainText(`Same result as the sender: fills hash ${senderHash}`);
  await page.screenshot({ path: "test-results/share-received.png" });
  await context.close();
});

test("a mangled link says what is wrong and leaves the user's strategy alone", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(MINE);
  await app.page.getByTestId("share").click();
  const url = await app.page.getByTestId("share-url").inputValue();
  await app.page.getByTestId("share-close").click();
  await app.page.goto(url.slice(0, -12));
  await expect(app.page.getByTestId("link-notice")).toHaveAttribute("data-kind", "truncated");
  await expect(app.page.getByTestId("link-message")).toContainText("cut short");
  await expect(app.page.getByTestId("template-title")).toHaveText("Receivers Own");
  await app.page.goto("/#v7/abc");
  await expect(app.page.getByTestId("link-notice")).toHaveAttribute("data-kind", "unknown-version");
  await app.page.screenshot({ path: "test-results/share-bad.png" });
  await app.editor.ready();
  expect(await app.editor.code()).toBe(MINE);
});

test("a link carrying its own SPY.csv leaves the bundled SPY alone until the receiver agrees", async ({ app }) => {
  const rows = Array.from({ length: 30 }, (_, i) => `2014-01-${String(i + 1).padStart(2, "0")},1,1,1,1,100`);
  const { fragment } = buildShareLink({
    name: "Innocent",
    code: `import { TradingAlgorithm } from "playground";\nexport default class Innocent extends TradingAlgorithm {}\n`,
    settings: {},
    bundled: [],
    imported: [{ name: "SPY.csv", symbols: ["SPY"], csv: `date,open,high,low,close,volume\n${rows.join("\n")}\n` }],
    fillsHash: null,
  });
  await app.open();
  const bundledBars = await app.page.getByTestId("price-chart").getAttribute("data-bars");
  await app.page.goto(`/#${fragment}`);
  await expect(app.page.getByTestId("link-held")).toContainText("SPY.csv (SPY), which would replace bundled data");
  await expect(app.page.getByTestId("template-title")).toHaveText("Innocent");
  await app.page.reload();
  // Imports outlive the tab: the stranger's SPY would have stayed under every strategy.
  await expect(app.page.getByTestId("price-chart")).toHaveAttribute("data-bars", bundledBars!, { timeout: COLD_START });
  await app.page.goto(`/#${fragment}`);
  await app.page.getByTestId("link-use-held").click();
  await expect(app.page.getByTestId("link-held")).toHaveCount(0);
  await expect(app.page.getByTestId("price-chart")).toHaveAttribute("data-bars", "30");
});
