import type { Locator, Page } from "@playwright/test";

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

/** The Metrics tab's figures, by name (`starting-cash`, `benchmark`, ...). */
export class Metrics {
  constructor(private readonly page: Page) {}
  value(name: string): Locator {
    return this.page.getByTestId(`metric-${name}`);
  }
}

export class Log {
  constructor(private readonly page: Page) {}
  lines(): Locator {
    return this.page.getByTestId("log-line");
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
