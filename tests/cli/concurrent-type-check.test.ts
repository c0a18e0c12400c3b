import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";

async function cli(cacheDir: string, ...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false }, cacheDir);
  return { code, out, err };
}

const fresh = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const BUY_AND_HOLD = readFileSync("examples/buy-and-hold.ts", "utf8");
/** The example with a string where order() takes a number: a type error, and a run that works. */
const MISTYPED = BUY_AND_HOLD.replace("order(context.asset, 100)", 'order(context.asset, "100" as unknown as string)');
const MISTYPED_LINE = MISTYPED.split("\n").findIndex((l) => l.includes('"100"')) + 1;

// A cold type check loads TypeScript: seconds on a loaded machine.
describe("the type check beside the run", { timeout: 120_000 }, () => {
  it("still fails a run whose strategy has a type error, at its line, writing no results file", async () => {
    const dir = fresh("tc-run-");
    writeFileSync(join(dir, "typed.ts"), MISTYPED);
    const json = join(dir, "out.json");
    const r = await cli(fresh("tc-cache-"), join(dir, "typed.ts"), "--json", json);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`typed\\.ts:${MISTYPED_LINE}:\\d+: type error: .*string`));
    expect(r.out).toBe("");
    expect(existsSync(json)).toBe(false);
    expect(readdirSync(dir)).toEqual(["typed.ts"]); // nor a half-written temporary file
  });

  it("prints nothing on standard output for a type error found after the run finished", async () => {
    const dir = fresh("tc-run-");
    writeFileSync(join(dir, "typed.ts"), MISTYPED);
    const r = await cli(fresh("tc-cache-"), join(dir, "typed.ts"), "--json", "-");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("type error");
  });

  it("answers the second run of the same strategy from the cache, with the same message", async () => {
    const dir = fresh("tc-run-");
    writeFileSync(join(dir, "typed.ts"), MISTYPED);
    const cache = fresh("tc-cache-");
    const first = await cli(cache, join(dir, "typed.ts"));
    expect(readdirSync(cache)).toHaveLength(1);
    const second = await cli(cache, join(dir, "typed.ts"));
    expect(second).toEqual(first);
  });

  it("writes the results of a well-typed strategy once both the run and the check are done", async () => {
    const dir = fresh("tc-run-");
    writeFileSync(join(dir, "bh.ts"), BUY_AND_HOLD);
    const json = join(dir, "out.json");
    const r = await cli(fresh("tc-cache-"), join(dir, "bh.ts"), "--json", json);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(json, "utf8"));
    // 100 SPY bought once, at the second bar's open.
    expect(results.fills).toHaveLength(1);
    expect(results.fills[0].amount).toBe(100);
    expect(readdirSync(dir).sort()).toEqual(["bh.ts", "out.json"]);
  });

  it("reports a runtime error as before when the check finds nothing", async () => {
    const dir = fresh("tc-run-");
    const throws = BUY_AND_HOLD.replace("context.ordered = true;", 'context.ordered = true; throw new Error("boom");');
    writeFileSync(join(dir, "throws.ts"), throws);
    const r = await cli(fresh("tc-cache-"), join(dir, "throws.ts"), "--json", "-");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/throws\.ts:\d+:\d+.*boom/);
  });
});
