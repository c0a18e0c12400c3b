import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachedCompiler, type StrategyCompiler } from "../../src/cli/cached-compile";
import { compileStrategy } from "../../src/runtime/compile-strategy";
import { addLineProbes } from "../../src/runtime/line-probes";
import { UserFacingError } from "../../src/runtime/user-error";

const SOURCE = `import { TradingAlgorithm } from "playground";
export default class Looper extends TradingAlgorithm {
  override handleData(context: any) {
    for (let i = 0; i < 3; i++) context.n = i;
  }
}
`;

/** The real compiler, counting how often the strategy thread would have had to load it. */
function counted(): { loads: () => number; load: () => StrategyCompiler } {
  let loads = 0;
  return {
    loads: () => loads,
    load: () => {
      loads++;
      return { compileStrategy, addLineProbes, UserFacingError };
    },
  };
}

/** As runStrategy compiles: the probes on what sucrase made. */
const compile = (c: ReturnType<typeof cachedCompiler>, source: string, fileName = "looper.ts") =>
  c.addLineProbes(c.compileStrategy(source, fileName));

describe("the strategy thread's compile, kept on disk", () => {
  it("gives a strategy compiled before the compiler's own output without loading the compiler", () => {
    const cache = { dir: mkdtempSync(join(tmpdir(), "compiled-")), compiler: "build-1" };
    const first = counted();
    const compiled = compile(cachedCompiler(first.load, cache), SOURCE);
    expect(compiled).toEqual(addLineProbes(compileStrategy(SOURCE, "looper.ts")));
    expect(compiled.shifts.length).toBeGreaterThan(0);
    expect(first.loads()).toBeGreaterThan(0);
    const again = counted();
    expect(compile(cachedCompiler(again.load, cache), SOURCE)).toEqual(compiled);
    expect(again.loads()).toBe(0);
  });

  it("compiles again for another source, file name or compiler build", () => {
    const dir = mkdtempSync(join(tmpdir(), "compiled-"));
    compile(cachedCompiler(counted().load, { dir, compiler: "build-1" }), SOURCE);
    const cases: [string, string, string][] = [
      [SOURCE.replace("i < 3", "i < 4"), "looper.ts", "build-1"],
      [SOURCE, "other.ts", "build-1"],
      [SOURCE, "looper.ts", "build-2"],
    ];
    for (const [source, fileName, compiler] of cases) {
      const c = counted();
      const got = compile(cachedCompiler(c.load, { dir, compiler }), source, fileName);
      expect(c.loads()).toBeGreaterThan(0);
      expect(got).toEqual(addLineProbes(compileStrategy(source, fileName)));
    }
  });

  it("never answers for another source, even from an entry found under its name", () => {
    const cache = { dir: mkdtempSync(join(tmpdir(), "compiled-")), compiler: "build-1" };
    compile(cachedCompiler(counted().load, cache), SOURCE);
    const [name] = readdirSync(cache.dir);
    const file = join(cache.dir, name!);
    const entry = JSON.parse(readFileSync(file, "utf8")) as { source: string; compiled: string };
    writeFileSync(file, JSON.stringify({ ...entry, source: "something else", compiled: "throw 1" }));
    const c = counted();
    expect(compile(cachedCompiler(c.load, cache), SOURCE)).toEqual(addLineProbes(compileStrategy(SOURCE, "looper.ts")));
    expect(c.loads()).toBeGreaterThan(0);
  });

  it("reports a syntax error as the user's, at its line, and keeps nothing for it", () => {
    const cache = { dir: mkdtempSync(join(tmpdir(), "compiled-")), compiler: "build-1" };
    const broken = SOURCE.replace("context.n = i;", "context.n = ;");
    for (let i = 0; i < 2; i++) {
      let thrown: unknown;
      try {
        compile(cachedCompiler(counted().load, cache), broken);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(UserFacingError);
      expect((thrown as UserFacingError).detail).toMatchObject({ kind: "compile", file: "looper.ts", line: 4 });
    }
    expect(readdirSync(cache.dir)).toEqual([]);
  });

  it("compiles every time where nothing can be kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "compiled-"));
    const notADir = join(dir, "file");
    writeFileSync(notADir, "");
    for (let i = 0; i < 2; i++) {
      const c = counted();
      expect(compile(cachedCompiler(c.load, { dir: join(notADir, "x"), compiler: "b" }), SOURCE).code).toContain(
        "$$playgroundLine(4)",
      );
      expect(c.loads()).toBeGreaterThan(0);
    }
  });
});
