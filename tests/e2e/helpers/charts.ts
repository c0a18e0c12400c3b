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
