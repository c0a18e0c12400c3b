import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";
import { startStrategyThread, type StrategyThread } from "../../src/cli/strategy-thread";

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false });
  return { code, out, err };
}

/** Five daily SPY bars, 2020-01-02 … 2020-01-08 (no weekend). */
const DATA = (() => {
  const dir = mkdtempSync(join(tmpdir(), "cli-limits-data-"));
  const days = ["2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07", "2020-01-08"];
  writeFileSync(
    join(dir, "SPY.csv"),
    ["date,open,high,low,close,volume", ...days.map((d) => `${d},10,11,9,10.5,1000`)].join("\n"),
  );
  return dir;
})();

/** A strategy file whose handleData runs `body` at bar 2 (2020-01-06); `body` starts on line 5. */
function strategy(body: string, extra = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "cli-limits-"));
  const file = join(dir, "probe.ts");
  writeFileSync(
    file,
    `import { TradingAlgorithm } from "playground";
export default class Probe extends TradingAlgorithm {
  handleData(context) {
    if (context.barIndex !== 2) return;
    ${body}
  }
  ${extra}
}
`,
  );
  return file;
}

const run = (file: string, ...flags: string[]) => cli(file, "--data", DATA, "--no-type-check", ...flags);

describe("the CLI's limits on a strategy", { timeout: 30_000 }, () => {
  it("ends an endless loop after --timeout with exit 1, naming the hook, the bar and the loop's line", async () => {
    const started = Date.now();
    const r = await run(strategy("while (true) {}"), "--timeout", "1");
    expect(r.code).toBe(1);
    expect(r.err).toContain("probe.ts:5: the run took longer than the 1 s time limit");
    expect(r.err).toContain("(in handleData at bar 2020-01-06T00:00:00.000Z)");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("ends an allocation bomb with exit 1 and a message naming memory, the hook and the bar", async () => {
    const r = await run(
      strategy("const keep = []; while (true) keep.push(new Array(100_000).fill(keep.length));"),
      "--max-memory",
      "64",
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("ran out of memory");
    expect(r.err).toContain("64 MB");
    expect(r.err).toContain("(in handleData at bar 2020-01-06T00:00:00.000Z)");
  });

  describe("with a thread started before the arguments were read (as backtest.ts does)", () => {
    /** A thread of `mb` that records whether it was given the run or ended. */
    const ahead = (mb: number) => {
      const thread = startStrategyThread(mb);
      const seen = { ran: false, cancelled: false };
      const watched: StrategyThread = {
        maxMemoryMb: thread.maxMemoryMb,
        run: (...a) => ((seen.ran = true), thread.run(...a)),
        cancel: () => ((seen.cancelled = true), thread.cancel()),
      };
      return { watched, seen };
    };
    const io = () => ({ out: () => {}, err: (t: string) => void (errors += t), tty: false });
    let errors = "";

    it("runs in that thread when its heap limit is the one asked for", async () => {
      const { watched, seen } = ahead(2048);
      expect(await runCli([strategy(""), "--data", DATA, "--no-type-check"], io(), undefined, watched)).toBe(0);
      expect(seen.ran).toBe(true);
    });

    it("ends it and runs in a new one when --max-memory asks for another limit", async () => {
      errors = "";
      const { watched, seen } = ahead(2048);
      const bomb = strategy("const keep = []; while (true) keep.push(new Array(100_000).fill(keep.length));");
      const argv = [bomb, "--data", DATA, "--no-type-check", "--max-memory", "64"];
      expect(await runCli(argv, io(), undefined, watched)).toBe(1);
      expect(seen).toEqual({ ran: false, cancelled: true });
      expect(errors).toContain("the 64 MB heap limit");
    });

    it("ends it when the arguments are refused", async () => {
      const { watched, seen } = ahead(2048);
      expect(await runCli(["--fast"], io(), undefined, watched)).toBe(2);
      expect(seen).toEqual({ ran: false, cancelled: true });
    });
  });

  it("gives strategies no timers: setInterval is an error at the user's line", async () => {
    const r = await run(strategy("setInterval(() => {}, 10);"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /probe\.ts:5:\d+: (ReferenceError|TypeError): setInterval is not (defined|a function) \(in handleData at bar 2020-01-06/,
    );
  });

  it("stops an async handleData: strategies are synchronous", async () => {
    const file = strategy("").replace("", "");
    writeFileSync(
      file,
      `import { TradingAlgorithm } from "playground";
export default class Probe extends TradingAlgorithm {
  async handleData() {}
}
`,
    );
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(r.err).toContain("handleData returned a Promise: strategies are synchronous");
    expect(r.err).toContain("(in handleData at bar 2020-01-02");
  });

  it("reports `throw Object.create(null)` with the file, hook and bar, and no Node stack", async () => {
    const r = await run(strategy("throw Object.create(null);"));
    expect(r.code).toBe(1);
    expect(r.err).toBe("error: " + r.err.slice(7));
    expect(r.err).toMatch(
      /^error: .*probe\.ts: threw an object \{\} \(in handleData at bar 2020-01-06T00:00:00\.000Z\)\n$/,
    );
  });

  it("reports an error whose stack getter throws, and a circular value, without crashing", async () => {
    const stack = await run(
      strategy(`const e = new Error("bad stack"); Object.defineProperty(e, "stack", { get() { throw e; } }); throw e;`),
    );
    expect(stack.code).toBe(1);
    expect(stack.err).toContain("bad stack (in handleData at bar 2020-01-06");
    const circular = await run(strategy("const o = { name: 'o' }; o.self = o; throw o;"));
    expect(circular.err).toContain("threw an object that cannot be printed (in handleData");
  });

  it("refuses `import(` in a comment with the file, line and column of it", async () => {
    const file = strategy("// maybe import('lodash') later");
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/probe\.ts:5:14: the sandbox refuses `import\(`/); // "    // maybe " is 13 characters
  });

  it("exits 2 for a --timeout or --max-memory that is not a positive number", async () => {
    expect((await run(strategy(""), "--timeout", "0")).code).toBe(2);
    const r = await run(strategy(""), "--max-memory", "lots");
    expect(r.code).toBe(2);
    expect(r.err).toContain('--max-memory takes a number of MB, at least 16, got "lots"');
  });
});

describe("the backtest process", { timeout: 60_000 }, () => {
  it("exits once the results are written, whatever promise chain the strategy left running", () => {
    const file = strategy("", "analyze() { const spin = () => Promise.resolve().then(spin); spin(); }");
    const r = spawnSync("npm", ["run", "backtest", "--", file, "--data", DATA, "--no-type-check", "--json", "-"], {
      encoding: "utf8",
      timeout: 45_000,
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).run.bars).toBe(5);
  });

  it("exits at once when the data is bad, ending the strategy thread it had started beside the reading", () => {
    const bad = join(mkdtempSync(join(tmpdir(), "cli-bad-data-")), "SPY.csv");
    writeFileSync(bad, "date,open,high,low,close,volume\n2020-01-02,10,9,9,10.5,1000\n");
    const started = Date.now();
    const r = spawnSync("npm", ["run", "backtest", "--", strategy(""), "--data", bad, "--no-type-check"], {
      encoding: "utf8",
      timeout: 45_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("SPY.csv:2:3: high 9 is below");
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
