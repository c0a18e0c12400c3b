import { describe, expect, it } from "vitest";
import { addLineProbes, LINE_PROBE, unshiftColumn } from "../../src/runtime/line-probes";

/** Runs probed code with a probe that logs the lines it is told. */
function linesOf(js: string): number[] {
  const seen: number[] = [];
  const { code } = addLineProbes(js);
  new Function(LINE_PROBE, code)((n: number) => seen.push(n));
  return seen;
}

describe("line probes in the compiled strategy", () => {
  it("report a loop's line on every pass and a function's line on every call", () => {
    const js = [
      "function f(n) {",
      "  let s = 0;",
      "  for (let i = 0; i < n; i++) {",
      "    s += i;",
      "  }",
      "  return s;",
      "}",
      "f(2); f(1);",
    ].join("\n");
    expect(linesOf(js)).toEqual([1, 3, 3, 1, 3]);
  });

  it("give a loop without braces a block, so the probe runs inside it", () => {
    expect(linesOf("let i = 0;\nwhile (i < 3) i++;\ndo i--; while (i > 1);")).toEqual([2, 2, 2, 3, 3]);
  });

  it("keep every line where it was", () => {
    const js = "class A {\n  m() {\n    for (const x of [1]) {}\n  }\n}\nconst g = () => {\n  return 1;\n};";
    const { code } = addLineProbes(js);
    expect(code.split("\n").length).toBe(js.split("\n").length);
  });

  it("put an error's column back where it was before the probes on its line", () => {
    const js = "for (;;) { boom(); }";
    const { code, shifts } = addLineProbes(js);
    const probed = code.indexOf("boom") + 1;
    expect(unshiftColumn(shifts, 1, probed)).toBe(js.indexOf("boom") + 1);
    // A column before the probe is left alone.
    expect(unshiftColumn(shifts, 1, 3)).toBe(3);
  });

  it("probe code that declares a name twice, and leave the redeclaration for evaluation to report", () => {
    // acorn's own check of such names searched a list at each declaration: 100,000 constants took 23 s.
    const js = "let a = 1;\nfunction f() {\n  return a;\n}\nlet a = 2;";
    const { code } = addLineProbes(js);
    expect(code).toContain(`${LINE_PROBE}(2);`);
    expect(() => new Function(LINE_PROBE, code)).toThrow(/already been declared/);
  });

  it("leave code it cannot parse as it is, for evaluation to report", () => {
    expect(addLineProbes("for (;;) {")).toEqual({ code: "for (;;) {", shifts: [] });
  });
});
