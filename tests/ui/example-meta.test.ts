import { describe, expect, it } from "vitest";
import { groupExamples, parseExampleMeta } from "../../src/ui/examples/example-meta";

describe("an example's gallery entry", () => {
  it("takes title, description and category from the leading JSDoc block", () => {
    const src =
      '/**\n * Bracket Order\n * Enter TSLA with a 5% stop-loss.\n * @category order types\n */\nimport {} from "playground";\n';
    expect(parseExampleMeta("/examples/bracket-order.ts", src)).toEqual({
      id: "bracket-order",
      title: "Bracket Order",
      description: "Enter TSLA with a 5% stop-loss.",
      category: "order types",
    });
  });

  it("a file without the block still appears, titled after its name, under 'other'", () => {
    expect(parseExampleMeta("/examples/my-idea.ts", "export default 1;")).toMatchObject({
      id: "my-idea",
      title: "My idea",
      category: "other",
    });
  });

  it("an unknown category goes under 'other' rather than inventing a section", () => {
    expect(parseExampleMeta("/examples/x.ts", "/** X\n * d\n * @category magic */").category).toBe("other");
  });

  it("groups follow the gallery's category order, titles sorted within a group", () => {
    const e = (id: string, title: string, category: string) => ({ id, title, category, description: "" });
    const groups = groupExamples([
      e("c", "Zeta", "sizing"),
      e("a", "Alpha", "advanced"),
      e("b", "Beta", "sizing"),
      e("d", "Delta", "order types"),
    ]);
    expect(groups.map((g) => g.category)).toEqual(["order types", "sizing", "advanced"]);
    expect(groups[1]!.examples.map((x) => x.title)).toEqual(["Beta", "Zeta"]);
  });
});
