import { execFileSync, spawn } from "node:child_process";
import { lstatSync, mkdtempSync, openSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false });
  return { code, out, err };
}

/** 3,000 daily bars of one symbol, A. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cli-json-"));
  const rows = ["date,open,high,low,close,volume"];
  for (let i = 0; i < 3000; i++) {
    const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const c = 100 + (i % 17) - 8;
    rows.push(`${day},${c},${c + 1},${c - 1},${c},1000`);
  }
  writeFileSync(join(dir, "A.csv"), rows.join("\n"));
  return dir;
}

/** Logs text beyond ASCII on every bar, and once a line longer than a chunk's spare room. */
const STRATEGY = `import { TradingAlgorithm, order, type Context } from "playground";
export default class Chatty extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("A"); }
  override handleData(context: Context) {
    if (context.barIndex % 10 === 0) order(context.asset, context.barIndex % 20 === 0 ? 5 : -5);
    this.log.info("bar " + context.barIndex + " — €, 🙂 and \\"quotes\\" " + "x".repeat(300));
    if (context.barIndex === 1500) this.log.warning("long ".repeat(40_000));
  }
}
`;

describe("the results JSON on the command line", { timeout: 60_000 }, () => {
  it("--json <file> holds the indented JSON of what --json - prints, every character of every chunk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-json-out-"));
    writeFileSync(join(dir, "chatty.ts"), STRATEGY);
    const data = dataDir();
    const file = join(dir, "out.json");
    const toFile = await cli(join(dir, "chatty.ts"), "--data", data, "--no-type-check", "--json", file);
    const toStdout = await cli(join(dir, "chatty.ts"), "--data", data, "--no-type-check", "--json", "-");
    expect(toFile.code).toBe(0);
    expect(toStdout.code).toBe(0);
    const text = readFileSync(file, "utf8");
    // Several megabytes: many chunks, one of them holding the 200 kB line whole.
    expect(text.length).toBeGreaterThan(3_000_000);
    const fromFile = JSON.parse(text);
    const printed = JSON.parse(toStdout.out);
    expect(text).toBe(JSON.stringify(fromFile, null, 2) + "\n");
    expect(toStdout.out).toBe(JSON.stringify(printed) + "\n");
    // The two runs differ only in how long they took.
    printed.run.elapsedMs = fromFile.run.elapsedMs;
    expect(fromFile).toEqual(printed);
    expect(fromFile.logs).toHaveLength(3001);
    expect(fromFile.logs[0].message).toBe(`bar 0 — €, 🙂 and "quotes" ${"x".repeat(300)}`);
    expect(fromFile.logs.find((l: { level: string }) => l.level === "warning").message).toBe("long ".repeat(40_000));
  });

  const BUY_FIVE = `import { TradingAlgorithm, order, type Context } from "playground";
export default class BuyFive extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("A"); }
  override handleData(context: Context) { if (context.barIndex === 0) order(context.asset, 5); }
}
`;

  it("--json through a symbolic link replaces the file the link points to, and the link stays a link", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-json-link-"));
    writeFileSync(join(dir, "buy.ts"), BUY_FIVE);
    writeFileSync(join(dir, "real.json"), "old");
    symlinkSync("real.json", join(dir, "link.json"));
    const r = await cli(join(dir, "buy.ts"), "--data", dataDir(), "--no-type-check", "--json", join(dir, "link.json"));
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "real.json"), "utf8")).fills).toHaveLength(1);
  });

  it("--json into a named pipe (as into /dev/null or /dev/stdout) writes the JSON through it and leaves it a pipe", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-json-fifo-"));
    writeFileSync(join(dir, "buy.ts"), BUY_FIVE);
    const fifo = join(dir, "results.fifo");
    execFileSync("mkfifo", [fifo]);
    // The reader is another process: this one blocks while it writes into a full pipe.
    const reader = spawn("cat", [fifo], { stdio: ["ignore", openSync(join(dir, "read.json"), "w"), "ignore"] });
    const readerDone = new Promise((done) => reader.on("exit", done));
    try {
      const r = await cli(join(dir, "buy.ts"), "--data", dataDir(), "--no-type-check", "--json", fifo);
      expect(r.code).toBe(0);
      expect(statSync(fifo).isFIFO()).toBe(true);
      await readerDone;
    } finally {
      reader.kill();
    }
    expect(JSON.parse(readFileSync(join(dir, "read.json"), "utf8")).fills).toHaveLength(1);
  });
});
