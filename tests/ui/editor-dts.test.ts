import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { editorDts } from "../../src/ui/editor/editor-dts";

import { PLAYGROUND_DTS_FILES } from "../../src/playground/playground-dts-files";

const dts = PLAYGROUND_DTS_FILES.map((f) => readFileSync(`src/playground/${f}`, "utf8")).join("\n");

describe("the declarations the editor loads", () => {
  it("turn @example tags into a paragraph so their fenced code renders as code", () => {
    const doc = [
      "  /**",
      "   * Places an order.",
      "   * @example",
      "   * ```ts",
      "   * order(a, 1);",
      "   * ```",
      "   */",
    ];
    expect(editorDts(doc.join("\n")).split("\n")).toEqual([
      "  /**",
      "   * Places an order.",
      "   * **Example**",
      "   * ```ts",
      "   * order(a, 1);",
      "   * ```",
      "   */",
    ]);
  });
  it("leave no @example tag in the playground declarations and change nothing else", () => {
    const out = editorDts(dts);
    expect(out).not.toMatch(/^\s*\*\s*@example/m);
    expect(out.split("\n")).toHaveLength(dts.split("\n").length);
  });
  it("declare a console whose lines go to the Log panel", () => {
    expect(dts).toMatch(/global \{\s+\/\*\*[^]*?var console: PlaygroundConsole;/);
    for (const m of ["log", "info", "warn", "error", "debug"]) expect(dts).toContain(`${m}(...data: unknown[]): void;`);
  });
});
