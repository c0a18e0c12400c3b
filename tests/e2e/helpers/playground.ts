import { expect, test as base, type Page } from "@playwright/test";
import { STORAGE_KEYS } from "../../../src/store/persistence";
import { COLD_START, Editor } from "./editor";
import { EquityChart, Layout, PriceChart } from "./charts";
import { Blotter, ErrorBanner, Fills, Log, Metrics, Tabs } from "./panels";
import { Settings } from "./settings";
import { CsvImport, Gallery, Theme, Toolbar } from "./toolbar";

/**
 * The page as a user sees it, one helper per part, so specs read as stories
 * (`app.settings.set("fillModel", "close")`, `app.toolbar.run()`, `app.blotter.row("o1")`)
 * and only the helpers know the test ids.
 */
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
  /**
   * Waits until the last run's results JSON (`window.playground.results()`) is whole: its orders,
   * fills and log lines come from the worker a moment after the finished run is drawn.
   */
  resultsReady(): Promise<void>;
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
      resultsReady: () =>
        expect
          .poll(
            () =>
              page.evaluate(
                () => (window as unknown as { playground?: { results?(): unknown } }).playground?.results?.() != null,
              ),
            { timeout: 60_000 },
          )
          .toBe(true),
    };
    await use(app);
  },
});

export { expect };
export { COLD_START };
