import { describe, expect, it } from "vitest";
import { inStrategyClassBody, missingHooks, typeImportsInsert } from "../../../src/ui/editor/hook-snippets";

const CLASS =
  'import { TradingAlgorithm } from "playground";\nexport default class Mine extends TradingAlgorithm {\n  ';
const applied = (code: string, names: string[]) => {
  const ins = typeImportsInsert(code, names);
  return ins ? code.slice(0, ins.offset) + ins.text + code.slice(ins.offset) : code;
};

describe("where the editor offers a strategy's hooks", () => {
  it("between the members of a class that extends TradingAlgorithm", () => {
    expect(inStrategyClassBody(CLASS + "\n}\n", CLASS.length)).toBe(true);
  });
  it("not inside one of its methods, nor after the class, nor in another class", () => {
    const inMethod = CLASS + "handleData(context, data) {\n    ";
    expect(inStrategyClassBody(inMethod + "\n  }\n}\n", inMethod.length)).toBe(false);
    const after = CLASS + "\n}\n";
    expect(inStrategyClassBody(after, after.length)).toBe(false);
    const other = "class Helper {\n  ";
    expect(inStrategyClassBody(other + "\n}\n", other.length)).toBe(false);
  });
  it("only the hooks the class has not written yet", () => {
    expect(missingHooks(CLASS + "initialize(context) {}\n}").map((h) => h.name)).toEqual([
      "handleData",
      "beforeTradingStart",
      "analyze",
    ]);
  });
});

describe("importing a hook's parameter types", () => {
  it("adds both to the braces of the import, in one edit", () => {
    expect(applied(CLASS, ["Context", "BarData"]).split("\n")[0]).toBe(
      'import { TradingAlgorithm, type Context, type BarData } from "playground";',
    );
  });
  it("adds only what is missing, and nothing when all are there", () => {
    const withContext = 'import { TradingAlgorithm, type Context } from "playground";\n';
    expect(applied(withContext, ["Context", "BarData"]).split("\n")[0]).toBe(
      'import { TradingAlgorithm, type Context, type BarData } from "playground";',
    );
    expect(typeImportsInsert(applied(withContext, ["BarData"]), ["Context", "BarData"])).toBeNull();
  });
  it("writes the import line when the code has none", () => {
    expect(applied("export default class Mine {}\n", ["Context", "Results"])).toBe(
      'import { type Context, type Results } from "playground";\nexport default class Mine {}\n',
    );
  });
});
