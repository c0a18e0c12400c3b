import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Run settings, named as the store names them; the helper opens the panel when needed. The panel
 * draws each from the engine's settings table: `setting-<flag>`, a model's parameters `setting-<flag>-<param>`.
 */
const SETTING_IDS = {
  start: "setting-start",
  end: "setting-end",
  cash: "setting-cash",
  fillModel: "setting-fill-model",
  sameBar: "setting-same-bar",
  commission: "setting-commission",
  commissionCost: "setting-commission-cost",
  commissionMin: "setting-commission-min-trade-cost",
  slippage: "setting-slippage",
  basisPoints: "setting-slippage-basis-points",
  volumeLimit: "setting-slippage-volume-limit",
  priceImpact: "setting-slippage-price-impact",
  spread: "setting-slippage-spread",
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
  /** Types into a number field key by key over its cleared text, as a user does. */
  async type(name: SettingName, text: string): Promise<void> {
    await this.open();
    await this.field(name).click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Backspace");
    await this.page.keyboard.type(text);
    await expect(this.field(name)).toHaveValue(text);
  }
  /** The message under a number field whose text is not a value the setting takes. */
  error(name: SettingName): Locator {
    return this.page.getByTestId(`${SETTING_IDS[name]}-error`);
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
  /** Every bundled sample's checkbox in the data list. */
  sampleBoxes(): Promise<Locator[]> {
    return this.panel.locator('input[type="checkbox"][data-testid^="symbol-"]').all();
  }
}
