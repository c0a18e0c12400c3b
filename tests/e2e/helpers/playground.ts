import { expect, test as base, type Locator, type Page } from "@playwright/test";
import type { PlaygroundDebugApi } from "../../../src/ui/editor/test-hooks";

type DebugWindow = Window & { playground?: PlaygroundDebugApi };

/** The strategy editor, driven like a user does: focus, select all, type. */
export class Editor {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId("editor");
  }

  async ready(): Promise<void> {
    await expect(this.root).toHaveAttribute("data-ready", "true");
    await expect(this.page.locator(".monaco-editor .view-lines")).toBeVisible();
  }

  async code(): Promise<string> {
    return this.page.evaluate(() => (window as DebugWindow).playground!.editor.getValue());
  }

  /** Selects everything and pastes the new code over it, as a user pasting from elsewhere. */
  async replaceCode(code: string): Promise<void> {
    await this.ready();
    await this.page.locator(".monaco-editor .view-lines").click();
    await this.page.keyboard.press("ControlOrMeta+a");
    // Typing would auto-indent each line; a paste inserts the text as it is.
    await this.page.evaluate((text) => {
      const target = document.activeElement ?? document.querySelector(".monaco-editor textarea");
      const data = new DataTransfer();
      data.setData("text/plain", text);
      target!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, code);
    await expect.poll(() => this.code()).toBe(code);
  }

  /** Rests the mouse on the first occurrence of `text` in the code. */
  async hover(text: string): Promise<void> {
    await this.ready();
    const point = await this.page.evaluate((needle) => {
      const ed = (window as DebugWindow).playground!.editor;
      const model = ed.getModel()!;
      const match = model.findNextMatch(needle, { lineNumber: 1, column: 1 }, false, true, null, false);
      if (!match) return null;
      const pos = { lineNumber: match.range.startLineNumber, column: match.range.startColumn + 1 };
      ed.revealPositionInCenter(pos);
      const p = ed.getScrolledVisiblePosition(pos)!;
      const box = ed.getDomNode()!.getBoundingClientRect();
      return { x: box.left + p.left + 2, y: box.top + p.top + p.height / 2 };
    }, text);
    if (!point) throw new Error(`"${text}" is not in the code`);
    await this.page.mouse.move(point.x, point.y);
  }

  async markers() {
    return this.page.evaluate(() => (window as DebugWindow).playground!.markers());
  }

  /** Markers the last run put on the code (not TypeScript's own). */
  async runMarkers() {
    return (await this.markers()).filter((m) => m.owner === "run");
  }
}

export class Toolbar {
  constructor(private readonly page: Page) {}

  get runButton(): Locator {
    return this.page.getByTestId("run");
  }
  get stopButton(): Locator {
    return this.page.getByTestId("stop");
  }
  get progress(): Locator {
    return this.page.getByTestId("progress");
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }

  /** Waits until the run is over and returns how it ended (done, error, stopped, timeout). */
  async runEnds(timeout = 30_000): Promise<string> {
    await expect(this.progress).not.toHaveAttribute("data-status", /running|idle/, { timeout });
    return (await this.progress.getAttribute("data-status"))!;
  }

  async runToCompletion(): Promise<void> {
    await this.run();
    expect(await this.runEnds()).toBe("done");
  }
}

/** The price chart; counts come from data-* attributes, never from pixels. */
export class PriceChart {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId("price-chart");
  }
  private async count(attr: string): Promise<number> {
    return Number((await this.root.getAttribute(`data-${attr}`)) ?? "0");
  }
  bars = () => this.count("bars");
  markers = () => this.count("markers");
  recordSeries = () => this.count("records");
  levels = () => this.count("levels");
  symbol = async () => (await this.root.getAttribute("data-symbol")) ?? "";
  async switchTo(symbol: string): Promise<void> {
    await this.page.getByTestId("symbol-switcher").selectOption(symbol);
    await expect(this.root).toHaveAttribute("data-symbol", symbol);
  }
  symbolChoices = () => this.page.getByTestId("symbol-switcher").locator("option").allTextContents();
}

export class EquityChart {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByTestId("equity-chart");
  }
  points = async () => Number((await this.root.getAttribute("data-points")) ?? "0");
  /** Points of the benchmark line drawn in the equity pane (0 without a benchmark). */
  benchmarkPoints = async () => Number((await this.root.getAttribute("data-benchmark-points")) ?? "0");
  /** The benchmark the line shows, "" when none. */
  benchmark = async () => (await this.root.getAttribute("data-benchmark")) ?? "";
}

export class Tabs {
  constructor(private readonly page: Page) {}
  async open(tab: "orders" | "fills" | "trades" | "metrics" | "log"): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
  }
}

export class Blotter {
  constructor(private readonly page: Page) {}
  row(id: string): Locator {
    return this.page.getByTestId(`order-row-${id}`);
  }
  rows(): Locator {
    return this.page.getByTestId("blotter").locator("tr[data-testid^=order-row-]");
  }
  status(id: string): Locator {
    return this.row(id).getByTestId("order-status");
  }
  async filterStatus(status: string): Promise<void> {
    await this.page.getByTestId("blotter-status").selectOption(status);
  }
}

export class Fills {
  constructor(private readonly page: Page) {}
  rows(): Locator {
    return this.page.getByTestId("fill-row");
  }
  forOrder(id: string): Locator {
    return this.page.locator(`[data-testid=fill-row][data-order-id="${id}"]`);
  }
}

export class ErrorBanner {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByTestId("error-banner");
  }
  line = () => this.root.getByTestId("error-line");
  barTime = () => this.root.getByTestId("error-bar-time");
  message = () => this.root.getByTestId("error-message");
}

export class Gallery {
  constructor(private readonly page: Page) {}
  async open(): Promise<void> {
    await this.page.getByTestId("open-examples").click();
    await expect(this.page.getByTestId("examples-gallery")).toBeVisible();
  }
  async choose(id: string): Promise<void> {
    await this.page.getByTestId(`example-${id}`).click();
  }
  confirmDialog(): Locator {
    return this.page.getByTestId("confirm-dialog");
  }
}

export class Log {
  constructor(private readonly page: Page) {}
  lines(): Locator {
    return this.page.getByTestId("log-line");
  }
}

export interface Playground {
  page: Page;
  editor: Editor;
  toolbar: Toolbar;
  chart: PriceChart;
  equity: EquityChart;
  tabs: Tabs;
  blotter: Blotter;
  fills: Fills;
  errorBanner: ErrorBanner;
  gallery: Gallery;
  log: Log;
  /** Opens the page fresh (empty localStorage) and waits for the SPY candles. */
  open(): Promise<void>;
}

export const test = base.extend<{ app: Playground }>({
  app: async ({ page }, use) => {
    const app: Playground = {
      page,
      editor: new Editor(page),
      toolbar: new Toolbar(page),
      chart: new PriceChart(page),
      equity: new EquityChart(page),
      tabs: new Tabs(page),
      blotter: new Blotter(page),
      fills: new Fills(page),
      errorBanner: new ErrorBanner(page),
      gallery: new Gallery(page),
      log: new Log(page),
      async open() {
        await page.goto("/");
        await expect(page.getByTestId("price-chart")).not.toHaveAttribute("data-bars", "0");
      },
    };
    await use(app);
  },
});

export { expect };
