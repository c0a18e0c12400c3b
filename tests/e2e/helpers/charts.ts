import { expect, type Locator, type Page } from "@playwright/test";

/** The price chart; counts come from data-* attributes, never from pixels. */
export class PriceChart {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId("price-chart");
  }
  private async count(attr: string): Promise<number> {
    return Number((await this.root.getAttribute(`data-${attr}`)) ?? "0");
  }
  /** Bars of the symbol shown. */
  bars = () => this.count("bars");
  /** Candles the chart library holds: every bar of a small symbol, a few thousand of a long one. */
  candles = () => this.count("candles");
  /** Bars per candle around the view: 1 where the chart shows real bars. */
  stride = () => this.count("stride");
  /** The bar range in view (bar indices), as the chart reports it. */
  async visibleBars(): Promise<{ from: number; to: number }> {
    return {
      from: Number(await this.root.getAttribute("data-visible-from")),
      to: Number(await this.root.getAttribute("data-visible-to")),
    };
  }
  markers = () => this.count("markers");
  recordSeries = () => this.count("records");
  levels = () => this.count("levels");
  symbol = async () => (await this.root.getAttribute("data-symbol")) ?? "";
  async switchTo(symbol: string): Promise<void> {
    await this.page.getByTestId("symbol-switcher").selectOption(symbol);
    await expect(this.root).toHaveAttribute("data-symbol", symbol);
  }
  symbolChoices = () => this.page.getByTestId("symbol-switcher").locator("option").allTextContents();
  /** The OHLC readout above the chart: the bar under the pointer, else the latest. */
  ohlc = () => this.page.getByTestId("ohlc");
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
