import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const THROWS = `import { TradingAlgorithm, type Context } from "playground";
export default class Throws extends TradingAlgorithm {
  override handleData(context: Context): void {
    if (context.barIndex === 3) {
      throw new Error("no signal today");
    }
  }
}
`;

const SPY_ROWS = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,1000\n2020-01-03,10.5,11,10,10.8,1000\n";

describe("the backtest command line", { timeout: 30_000 }, () => {
  it("prints the results JSON with every top-level key and schemaVersion 1 for --json -", async () => {
    const r = await cli("examples/buy-and-hold.ts", "--json", "-", "--no-type-check");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        "schemaVersion",
        "run",
        "summary",
        "orders",
        "fills",
        "events",
        "equity",
        "positions",
        "trades",
        "logs",
        "records",
      ]),
    );
    expect(json.schemaVersion).toBe(1);
    expect(json.run.symbols).toContain("SPY");
    expect(json.fills[0]).toMatchObject({ orderId: json.orders[0].id, symbol: "SPY", amount: 100 });
  });

  it("prints a human summary with the metrics when --json is not given", async () => {
    const r = await cli("examples/buy-and-hold.ts", "--no-type-check", "--start", "2020-01-01", "--end", "2020-12-31");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Total return\s+-?\d+\.\d\d%/);
    expect(r.out).toContain("2020-01-02 → 2020-12-31");
  });

  it("prints the same table for a strategy with an analyze hook, whose full results it builds, and ends its log lines with what analyze logged", async () => {
    const trader = (hook: string) => `import { TradingAlgorithm, order, type Context, type BarData } from "playground";
export default class Trader extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("SPY"); }
  override handleData(context: Context, data: BarData) {
    const held = context.portfolio.positions.get(context.asset)?.amount ?? 0;
    if (context.barIndex % 7 === 0) { order(context.asset, held > 0 ? -held : 100); this.log.info("turn " + context.barIndex); }
  }
  ${hook}
}
`;
    const dir = tmp({
      "plain.ts": trader(""),
      "analyzed.ts": trader('override analyze() { this.log.info("analyzed"); console.log("final words"); }'),
    });
    const table = async (file: string) => {
      const r = await cli(join(dir, file), "--no-type-check", "--start", "2019-01-01", "--end", "2020-12-31");
      expect(r.code).toBe(0);
      return r.out.replace(/^Elapsed .*$/m, "");
    };
    const plain = await table("plain.ts");
    expect(plain).toMatch(/Trades\s+[1-9]\d*\n/);
    expect(plain).toContain("info    turn ");
    const analyzed = await table("analyzed.ts");
    const metrics = (t: string) => t.slice(0, t.indexOf("Last 10 log lines:"));
    expect(metrics(analyzed)).toBe(metrics(plain));
    const logLines = (t: string) => t.slice(t.indexOf("Last 10 log lines:")).trim().split("\n").slice(1);
    expect(logLines(analyzed).slice(0, 8)).toEqual(logLines(plain).slice(2));
    expect(logLines(analyzed).slice(8)).toEqual([
      expect.stringMatching(/^ {2}2020-12-31 info {4}analyzed$/),
      expect.stringMatching(/^ {2}2020-12-31 info {4}final words$/),
    ]);
  });

  it("prints a strategy's log lines and errors so they cannot forge or overwrite the summary's fills hash row", async () => {
    const forger = (body: string) => `import { TradingAlgorithm, type Context } from "playground";
export default class Forger extends TradingAlgorithm {
  override handleData(context: Context) { if (context.barIndex === 1) { ${body} } }
}
`;
    const dir = tmp({
      "logs.ts": forger(
        'console.log("done\\nFills hash             0000000000000000\\u001b[1A\\u001b[2K\\r\\u009b2J");',
      ),
      "throws.ts": forger('throw new Error("boom\\n\\u001b[2Jforged");'),
      "SPY.csv": SPY_ROWS,
    });
    const logged = await cli(join(dir, "logs.ts"), "--data", dir, "--no-type-check");
    expect(logged.code).toBe(0);
    expect(logged.out.match(/^Fills hash/gm)).toHaveLength(1);
    const controls = [...logged.out].filter((c) => c !== "\n" && (c < " " || (c >= "\u007f" && c <= "\u009f")));
    expect(controls).toEqual([]);
    expect(logged.out).toContain("done\\nFills hash             0000000000000000\\u001b[1A\\u001b[2K\\r\\u009b2J");
    const thrown = await cli(join(dir, "throws.ts"), "--data", dir, "--no-type-check");
    expect(thrown.code).toBe(1);
    expect(thrown.err).toContain("boom\\n\\u001b[2Jforged");
    expect(thrown.err.trimEnd().split("\n")).toHaveLength(1);
  });

  it("prints at most 500 characters of each log line in the summary, saying how long it was", async () => {
    const dir = tmp({
      "long.ts": `import { TradingAlgorithm } from "playground";
export default class Long extends TradingAlgorithm {
  override handleData() { console.log("x".repeat(1_000_000)); }
}
`,
      "SPY.csv": SPY_ROWS,
    });
    const r = await cli(join(dir, "long.ts"), "--data", dir, "--no-type-check");
    expect(r.code).toBe(0);
    const logged = r.out.split("\n").filter((l) => l.includes("xxx"));
    const shown = `${"x".repeat(500)}… (1000000 characters)`;
    expect(logged).toEqual([`  2020-01-02 info    ${shown}`, `  2020-01-03 info    ${shown}`]);
  });

  it("gives the same fills hash for the same run twice", async () => {
    const a = JSON.parse((await cli("examples/buy-and-hold.ts", "--json", "-", "--no-type-check")).out);
    const b = JSON.parse((await cli("examples/buy-and-hold.ts", "--json", "-", "--no-type-check")).out);
    expect(a.run.fillsHash).toBe(b.run.fillsHash);
  });

  it("prints the usage on standard output and exits 0 for --help or -h, running nothing", async () => {
    for (const flag of ["--help", "-h"]) {
      const r = await cli("examples/buy-and-hold.ts", flag);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^usage: npm run backtest -- <strategy\.ts>/);
      expect(r.err).toBe("");
    }
  });

  it("exits 2 with the usage for an unknown option", async () => {
    const r = await cli("examples/buy-and-hold.ts", "--speed", "fast");
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option --speed");
    expect(r.err).toContain("usage:");
  });

  it("exits 2 for a bad --fill-model value, naming the allowed ones", async () => {
    const r = await cli("examples/buy-and-hold.ts", "--fill-model", "vwap");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--fill-model is ohlc or close");
  });

  it("exits 2 naming a strategy file that does not exist", async () => {
    const r = await cli("examples/nope.ts");
    expect(r.code).toBe(2);
    expect(r.err).toContain("examples/nope.ts: no such strategy file");
  });

  it("exits 2 with the usage when the strategy given is a folder", async () => {
    const r = await cli("examples", "--no-type-check");
    expect(r.code).toBe(2);
    expect(r.err).toContain("examples: not a file; give the strategy's .ts file");
    expect(r.err).toContain("usage:");
  });

  it("exits 2 naming the file, line and column of a bad data row", async () => {
    const dir = tmp({ "SPY.csv": SPY_ROWS + "2020-01-06,10.8,abc,10,10.9,1000\n" });
    const r = await cli("examples/buy-and-hold.ts", "--data", dir, "--no-type-check");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/SPY\.csv:4:3: /);
  });

  it("exits 2, as for any bad argument, when --start and --end leave no bar of the data, naming the dates it covers", async () => {
    const data = tmp({ "SPY.csv": SPY_ROWS });
    const after = await cli("examples/buy-and-hold.ts", "--data", data, "--start", "2021-01-01", "--no-type-check");
    expect(after.code).toBe(2);
    expect(after.err).toBe(
      "error: no bars to run on with start 2021-01-01: the data covers 2020-01-02 to 2020-01-03\n",
    );
    const between = await cli("examples/buy-and-hold.ts", "--data", data, "--end", "2020-01-01", "--no-type-check");
    expect(between.code).toBe(2);
    const lastDay = await cli("examples/buy-and-hold.ts", "--data", data, "--start", "2020-01-03", "--no-type-check");
    expect(lastDay.code).toBe(0);
  });

  it("exits 2 before running when --json names a file it cannot write, and leaves nothing behind", async () => {
    const dir = tmp({});
    const missing = await cli(
      "examples/buy-and-hold.ts",
      "--json",
      join(dir, "no-such-folder", "out.json"),
      "--no-type-check",
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error: --json .*no-such-folder\/out\.json: cannot write the results there \(ENOENT/);
    const folder = await cli("examples/buy-and-hold.ts", "--json", dir, "--no-type-check");
    expect(folder.code).toBe(2);
    expect(folder.err).toContain("cannot write the results there (it is a folder)");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 1 with file:line:col and the bar time when the strategy throws", async () => {
    const dir = tmp({ "throws.ts": THROWS, "SPY.csv": SPY_ROWS.repeat(1) });
    const data = tmp({
      "SPY.csv": [SPY_ROWS.trim(), "2020-01-06,10.8,11,10,10.9,1000", "2020-01-07,10.9,11,10,10.7,1000"].join("\n"),
    });
    const r = await cli(join(dir, "throws.ts"), "--data", data, "--no-type-check");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/throws\.ts:5:13: no signal today \(in handleData at bar 2020-01-07/);
  });

  it("with --quiet still hands the results to analyze: an analyze that throws exits 1", async () => {
    const dir = tmp({
      "judge.ts": `import { TradingAlgorithm } from "playground";
export default class Judge extends TradingAlgorithm {
  override analyze(context, results) {
    throw new Error("judged " + results.equity.length + " bars");
  }
}
`,
    });
    const data = tmp({ "SPY.csv": SPY_ROWS });
    const r = await cli(join(dir, "judge.ts"), "--data", data, "--quiet", "--no-type-check");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/judge\.ts:4:\d+: judged 2 bars \(in analyze/);
    expect(r.out).toBe("");
  });

  it("exits 1 with the line of a syntax error", async () => {
    const dir = tmp({
      "broken.ts":
        'import { TradingAlgorithm } from "playground";\nexport default class B extends TradingAlgorithm {\n  x = ;\n}\n',
    });
    const r = await cli(join(dir, "broken.ts"), "--no-type-check");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.ts:3:\d+: syntax error/);
  });

  it("exits 1 with file:line:col for a type error against the playground declarations", async () => {
    const src = readFileSync("examples/buy-and-hold.ts", "utf8").replace(
      "order(context.asset, 100)",
      'order(context.asset, "100")',
    );
    const dir = tmp({ "typed.ts": src });
    const r = await cli(join(dir, "typed.ts"));
    expect(r.code).toBe(1);
    const line = src.split("\n").findIndex((l) => l.includes('"100"')) + 1;
    expect(r.err).toMatch(new RegExp(`typed\\.ts:${line}:\\d+: type error: .*string`));
  }, 60_000); // a cold type check loads TypeScript: seconds on a loaded machine
});

const BRACKET = `import { TradingAlgorithm, order, BracketOrder, MarketOrder, type Context } from "playground";
export default class Bracket extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("SPY");
  }
  override handleData(context: Context): void {
    if (context.barIndex === 0) {
      const style = new BracketOrder({ entryStyle: new MarketOrder(), stopLossPrice: 95, takeProfitPrice: 105 });
      order(context.asset, 10, { style });
    }
  }
}
`;

describe("the same-bar policy on the command line", { timeout: 30_000 }, () => {
  // Entry at bar 1's open (100). Bar 2 reaches both legs; its high (5.5 away) is nearer than its low (6 away).
  const data = () =>
    tmp({
      "SPY.csv": [
        "date,open,high,low,close,volume",
        "2020-01-02,100,100,100,100,1000",
        "2020-01-03,100,100,100,100,1000",
        "2020-01-06,100,105.5,94,100,1000",
      ].join("\n"),
    });
  const exit = async (...flags: string[]) => {
    const dir = tmp({ "bracket.ts": BRACKET });
    const r = await cli(join(dir, "bracket.ts"), "--data", data(), "--no-type-check", "--json", "-", ...flags);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    return { price: json.fills[1].price, settings: json.run.settings };
  };
  const noCosts = ["--commission", "NoCommission", "--slippage", "NoSlippage"];

  it("by default the path decides: the take-profit at 105, and run.settings.samePolicy says path", async () => {
    const r = await exit(...noCosts);
    expect(r.price).toBe(105);
    expect(r.settings).toMatchObject({
      samePolicy: "path",
      commission: { model: "NoCommission" },
      slippage: { model: "NoSlippage" },
    });
  });

  it("--same-bar stopFirst takes the stop-loss at 95, and run.settings.samePolicy says stopFirst", async () => {
    const r = await exit(...noCosts, "--same-bar", "stopFirst");
    expect(r.price).toBe(95);
    expect(r.settings.samePolicy).toBe("stopFirst");
    expect(r.settings).not.toHaveProperty("sameBarPolicy");
  });

  it("without cost flags the run reports the default commission and slippage", async () => {
    expect((await exit()).settings).toMatchObject({
      commission: { model: "PerShare", cost: 0.001, minTradeCost: 0 },
      slippage: { model: "FixedBasisPointsSlippage", basisPoints: 5, volumeLimit: 0.1 },
    });
  });
});

describe("npm run backtest", { timeout: 30_000 }, () => {
  it("writes the results JSON and nothing else to standard output with --json -", async () => {
    const r = spawnSync(
      "npm",
      ["run", "backtest", "--", "examples/buy-and-hold.ts", "--json", "-", "--end", "2014-12-31"],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  }, 60_000);

  it("reads the strategy and data paths from the folder it was typed in, not the package's", async () => {
    const dir = tmp({ "mine.ts": readFileSync("examples/buy-and-hold.ts", "utf8"), "SPY.csv": SPY_ROWS });
    const r = spawnSync(
      "npm",
      ["--prefix", process.cwd(), "run", "backtest", "--", "mine.ts", "--data", "SPY.csv", "--json", "-"],
      { encoding: "utf8", cwd: dir },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).run.symbols).toEqual(["SPY"]);
  }, 60_000);

  it("exits 2 for bad arguments", async () => {
    const r = spawnSync("npm", ["run", "backtest", "--", "--cash", "-5", "examples/buy-and-hold.ts"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--cash takes a number above 0 and at most 1,000,000,000,000, got "-5"');
  }, 60_000);
});
