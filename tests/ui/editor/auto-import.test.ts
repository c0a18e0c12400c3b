import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { playground } from "../../../src/engine/api/playground";
import { PLAYGROUND_DTS_FILES } from "../../../src/playground/playground-dts-files";
import { importInsert, importedNames } from "../../../src/ui/editor/import-edit";
import { playgroundExports } from "../../../src/ui/editor/playground-exports";
import { importsOfferedAt } from "../../../src/ui/editor/auto-import-completion";

const texts = PLAYGROUND_DTS_FILES.map((f) => readFileSync(`src/playground/${f}`, "utf8"));

/** The code with the insert applied. */
function applied(code: string, name: string, typeOnly = false): string {
  const ins = importInsert(code, name, typeOnly);
  if (!ins) return code;
  return code.slice(0, ins.offset) + ins.text + code.slice(ins.offset);
}

describe("the names the editor offers to import from playground", () => {
  it("are every value the engine's module exports, and its types", () => {
    const names = playgroundExports(texts);
    const values = names.filter((n) => n.kind !== "type").map((n) => n.name);
    expect(new Set(values)).toEqual(new Set(Object.keys(playground)));
    expect(names.find((n) => n.name === "LimitOrder")?.kind).toBe("class");
    expect(names.find((n) => n.name === "order")?.kind).toBe("value");
    expect(names.find((n) => n.name === "Context")?.kind).toBe("type");
  });

  it("leave out the type that only names the fix in `prices[-1]`'s error", () => {
    const names = playgroundExports(texts).map((n) => n.name);
    expect(names).not.toContain("BracketsDoNotIndexASeries_WriteAt");
    expect(names).toContain("BracketOrder");
  });

  it("leave out what a namespace declares inside it", () => {
    const names = playgroundExports(texts).map((n) => n.name);
    expect(names).toContain("commission");
    expect(names).not.toContain("PerShare");
  });
});

describe("where the editor offers playground names to import", () => {
  const strategy =
    'import { TradingAlgorithm } from "playground";\nexport default class S extends TradingAlgorithm {\n  \n}\n';
  const inBody = strategy.indexOf("  \n}") + 2;

  it("not where a method of the strategy starts: `override init` is a hook, never an import", () => {
    expect(importsOfferedAt(strategy, inBody, "  override ")).toBe(false);
    expect(importsOfferedAt(strategy, inBody, "  ")).toBe(false);
  });

  it("in a statement, outside the class, and after `=` inside it", () => {
    expect(importsOfferedAt(strategy, inBody, "  style = new ")).toBe(true);
    expect(importsOfferedAt(strategy, strategy.length, "")).toBe(true);
  });

  it("not after a dot or in a comment", () => {
    expect(importsOfferedAt(strategy, inBody, "  x = data.")).toBe(false);
    expect(importsOfferedAt(strategy, inBody, "  // ")).toBe(false);
  });
});

describe("adding a name to the import from playground", () => {
  it("goes after the last name in the braces", () => {
    expect(applied('import { TradingAlgorithm, order } from "playground";\n', "LimitOrder")).toBe(
      'import { TradingAlgorithm, order, LimitOrder } from "playground";\n',
    );
  });

  it("marks a type with `type`", () => {
    expect(applied('import { order } from "playground";', "Context", true)).toBe(
      'import { order, type Context } from "playground";',
    );
  });

  it("keeps a multi-line import's trailing comma", () => {
    expect(applied('import {\n  order,\n} from "playground";', "StopOrder")).toBe(
      'import {\n  order, StopOrder,\n} from "playground";',
    );
  });

  it("fills empty braces", () => {
    expect(applied("import {} from 'playground';", "order")).toBe("import { order } from 'playground';");
  });

  it("adds an import line after the other imports when there is none from playground", () => {
    expect(applied('import { x } from "other";\nconst a = 1;\n', "order")).toBe(
      'import { x } from "other";\nimport { order } from "playground";\nconst a = 1;\n',
    );
  });

  it("adds the import line at the top of a file without imports", () => {
    expect(applied("export default class A {}\n", "TradingAlgorithm")).toBe(
      'import { TradingAlgorithm } from "playground";\nexport default class A {}\n',
    );
  });

  it("does not add a value to an `import type` line", () => {
    expect(applied('import type { Context } from "playground";\n', "order")).toBe(
      'import type { Context } from "playground";\nimport { order } from "playground";\n',
    );
  });

  it("does nothing for a name imported already, under its own name or an alias", () => {
    expect(importInsert('import { order as o, LimitOrder } from "playground";', "LimitOrder", false)).toBeNull();
    expect(importedNames('import { order as o, type Context } from "playground";')).toEqual(new Set(["o", "Context"]));
  });

  it("offers nothing when the module is imported as a namespace", () => {
    expect(importedNames('import * as pg from "playground";')).toBeNull();
    expect(importInsert('import * as pg from "playground";', "order", false)).toBeNull();
  });
});
