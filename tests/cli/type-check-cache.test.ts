import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachedTypeCheck } from "../../src/cli/type-check-cache";
import { typeCheckStrategy } from "../../src/cli/type-check";

const GOOD = `import { TradingAlgorithm } from "playground";
export default class A extends TradingAlgorithm {}
`;
const BAD = `import { TradingAlgorithm, order } from "playground";
export default class B extends TradingAlgorithm {
  override handleData() { order("x", "100"); }
}
`;

function counting() {
  let calls = 0;
  const check: typeof typeCheckStrategy = (...args) => {
    calls++;
    return typeCheckStrategy(...args);
  };
  return { check, calls: () => calls };
}

describe("the CLI's type check cache", () => {
  it("answers the same strategy again without running the checker, errors included", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "tc-cache-"));
    const c = counting();
    const first = cachedTypeCheck("/s/bad.ts", BAD, { cacheDir, check: c.check });
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]!.line).toBe(3);
    expect(cachedTypeCheck("/s/bad.ts", BAD, { cacheDir, check: c.check })).toEqual(first);
    expect(c.calls()).toBe(1);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  }, 60_000);

  it("checks again when the source or the file changes", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "tc-cache-"));
    const c = counting();
    expect(cachedTypeCheck("/s/a.ts", GOOD, { cacheDir, check: c.check })).toEqual([]);
    expect(cachedTypeCheck("/s/a.ts", GOOD + "\n", { cacheDir, check: c.check })).toEqual([]);
    expect(cachedTypeCheck("/t/a.ts", GOOD, { cacheDir, check: c.check })).toEqual([]);
    expect(c.calls()).toBe(3);
  }, 60_000);
});
