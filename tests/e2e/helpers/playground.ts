import { expect, test as base, type Locator, type Page } from "@playwright/test";
import { STORAGE_KEYS } from "../../../src/store/persistence";
import type { PlaygroundDebugApi } from "../../../src/ui/editor/test-hooks";

type DebugWindow = Window & { playground?: PlaygroundDebugApi };

/**
 * How long a cold start may take on a busy 2-core machine: Monaco's lazy chunk, its TypeScript
 * worker building the program with the playground declarations. Waits end as soon as the state
 * is there; this only bounds how long they may take.
 */
export const COLD_START = 90_000;

/** The strategy editor, driven like a user does: focus, select all, type. */
export class Editor {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId("editor");
  }

  /** Monaco is mounted and shows the code (it loads lazily after the first paint). */
  async ready(): Promise<void> {
    await expect(this.root).toHaveAttribute("data-ready", "true", { timeout: COLD_START });
    await expect(this.page.locator(".monaco-editor .view-lines")).toBeVisible();
  }

  /**
   * The editor's TypeScript worker has answered a first request: hover, completion and red
   * squiggles work from now on. Starting that worker is the slowest thing a cold page does.
   */
  async languageReady(): Promise<void> {
    await this.ready();
    await expect
      .poll(() => this.page.evaluate(() => (window as DebugWindow).playground?.languageReady === true), {
        timeout: COLD_START,
      })
      .toBe(true);
  }

  /** Clicks into the code, as a user does before typing or pressing a shortcut. */
  async focus(): Promise<void> {
    await this.ready();
    await this.page.locator(".monaco-editor .view-lines").click();
  }

  async code(): Promise<string> {
    return this.page.evaluate(() => (window as DebugWindow).playground!.editor.getValue());
  }

  /** Selects everything and pastes the new code over it, as a user pasting from elsewhere. */
  async replaceCode(code: string): Promise<void> {
    await this.focus();
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

  /** The hover box, while it is shown. */
  hoverBox(): Locator {
    return this.page.locator(".monaco-hover:not(.hidden)");
  }

  /**
   * Rests the mouse on `text` until the hover box shows `expected`. Monaco asks for a hover
   * once per mouse rest; if that request came too early, moving away and back asks again.
   */
  async hoverShows(text: string, expected: string): Promise<void> {
    await this.languageReady();
    await expect(async () => {
      await this.page.mouse.move(0, 0);
      await this.hover(text);
      await expect(this.hoverBox()).toContainText(expected, { timeout: 5_000 });
    }).toPass({ timeout: COLD_START });
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
  async runEnds(timeout = 60_000): Promise<string> {
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
  /** The tab's button (aria-selected says whether it is the one shown). */
  tab(tab: "orders" | "fills" | "trades" | "metrics" | "log"): Locator {
    return this.page.getByTestId(`tab-${tab}`);
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
  /** The reason a row's order was rejected or cancelled. */
  reason(row: Locator): Locator {
    return row.getByTestId("order-reason");
  }
  /** The order id a row shows. */
  async idOf(row: Locator): Promise<string> {
    return (await row.getAttribute("data-testid"))!.replace("order-row-", "");
  }
  /** The transitions of an order, shown when its row is clicked. */
  history(id: string): Locator {
    return this.page.getByTestId(`order-history-${id}`);
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
  /** "Keep my code" in the dialog that asks before replacing edited code. */
  async keepMine(): Promise<void> {
    await this.page.getByTestId("confirm-cancel").click();
  }
  /** "Replace" in that dialog. */
  async replaceMine(): Promise<void> {
    await this.page.getByTestId("confirm-replace").click();
  }
  /** Every example card. */
  items(): Locator {
    return this.page.getByTestId("examples-gallery").locator("[data-testid^=example-]");
  }
  /** The category headings. */
  categories(): Locator {
    return this.page.getByTestId("examples-gallery").locator("h3");
  }
  /** The loaded template's title in the toolbar. */
  title(): Locator {
    return this.page.getByTestId("template-title");
  }
}

/** Run settings, named as the store names them; the helper opens the panel when needed. */
const SETTING_IDS = {
  start: "setting-start",
  end: "setting-end",
  cash: "setting-cash",
  fillModel: "setting-fill-model",
  sameBar: "setting-same-bar",
  commission: "setting-commission",
  commissionCost: "setting-commission-cost",
  commissionMin: "setting-commission-min",
  slippage: "setting-slippage",
  basisPoints: "setting-bps",
  volumeLimit: "setting-volume-limit",
  priceImpact: "setting-price-impact",
  spread: "setting-spread",
  timeLimit: "setting-time-limit",
} as const;
export type SettingName = keyof typeof SETTING_IDS;

export class Settings {
  readonly panel: Locator;
  constructor(private readonly page: Page) {
    this.panel = page.getByTestId("settings-panel");
  }
  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.getByTestId("open-settings").click();
    await expect(this.panel).toBeVisible();
  }
  async close(): Promise<void> {
    if (await this.panel.isVisible()) await this.page.getByTestId("open-settings").click();
    await expect(this.panel).toBeHidden();
  }
  field(name: SettingName): Locator {
    return this.page.getByTestId(SETTING_IDS[name]);
  }
  /** Sets one setting as a user would (types into a field, picks from a list) and checks it took. */
  async set(name: SettingName, value: string | number): Promise<void> {
    await this.open();
    const field = this.field(name);
    const text = String(value);
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(text);
    else await field.fill(text);
    await expect(field).toHaveValue(text);
  }
  /** Sets several, then closes the panel. */
  async apply(values: Partial<Record<SettingName, string | number>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.set(name as SettingName, value);
    await this.close();
  }
  async value(name: SettingName): Promise<string> {
    await this.open();
    return this.field(name).inputValue();
  }
  /** A symbol's checkbox in the data list. */
  symbol(symbol: string): Locator {
    return this.page.getByTestId(`symbol-${symbol}`);
  }
}

/** The Metrics tab's figures, by name (`starting-cash`, `benchmark`, ...). */
export class Metrics {
  constructor(private readonly page: Page) {}
  value(name: string): Locator {
    return this.page.getByTestId(`metric-${name}`);
  }
}

/** Importing a CSV of bars from the toolbar. */
export class CsvImport {
  constructor(private readonly page: Page) {}
  async upload(name: string, text: string): Promise<void> {
    await this.page
      .getByTestId("import-csv-input")
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  }
  error(): Locator {
    return this.page.getByTestId("import-error");
  }
}

/** The light/dark switch. */
export class Theme {
  constructor(private readonly page: Page) {}
  async toggle(): Promise<void> {
    await this.page.getByTestId("theme-toggle").click();
  }
  /** The page's theme, as the root element says. */
  root(): Locator {
    return this.page.locator("html");
  }
}

/** The draggable dividers between the page's panes. */
export class Layout {
  constructor(private readonly page: Page) {}
  /** The divider between the editor and the charts. */
  editorSplit(): Locator {
    return this.page.getByTestId("split-editor");
  }
  /** Drags a divider by `dx` pixels to the right. */
  async drag(handle: Locator, dx: number): Promise<void> {
    const box = (await handle.boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 5 });
    await this.page.mouse.up();
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
  settings: Settings;
  metrics: Metrics;
  csvImport: CsvImport;
  theme: Theme;
  layout: Layout;
  /** Opens the page fresh (empty localStorage) and waits for the SPY candles. */
  open(): Promise<void>;
  /** What autosave has written to localStorage under one of the store's keys (null before it has). */
  saved(key: keyof typeof STORAGE_KEYS): Promise<string | null>;
  /** Waits until the browser has drawn two more frames (what is on screen is what the state says). */
  drawn(): Promise<void>;
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
      settings: new Settings(page),
      metrics: new Metrics(page),
      csvImport: new CsvImport(page),
      theme: new Theme(page),
      layout: new Layout(page),
      async open() {
        await page.goto("/");
        await expect(page.getByTestId("price-chart")).not.toHaveAttribute("data-bars", "0", { timeout: COLD_START });
      },
      saved: (key) => page.evaluate((k) => localStorage.getItem(k), STORAGE_KEYS[key]),
      drawn: () =>
        page.evaluate(
          () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
        ),
    };
    await use(app);
  },
});

export { expect };
