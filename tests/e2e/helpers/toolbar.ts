import { expect, type Locator, type Page } from "@playwright/test";

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
