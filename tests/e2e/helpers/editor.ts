import { expect, type Locator, type Page } from "@playwright/test";
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

  /** Where the cursor is, and whether the editor has the keyboard focus. */
  async cursor(): Promise<{ line: number; column: number; focused: boolean }> {
    return this.page.evaluate(() => {
      const ed = (window as DebugWindow).playground!.editor;
      const p = ed.getPosition()!;
      return { line: p.lineNumber, column: p.column, focused: ed.hasTextFocus() };
    });
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

  /** The lines of TypeScript's error squiggles, once the language service has checked the code as it is now. */
  async typeErrorLines(): Promise<number[]> {
    return (await this.markers()).filter((m) => m.owner === "typescript" && m.severity === 8).map((m) => m.line);
  }

  /** Markers the last run put on the code (not TypeScript's own). */
  async runMarkers() {
    return (await this.markers()).filter((m) => m.owner === "run");
  }
}
