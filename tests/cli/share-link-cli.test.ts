import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";
import { runShare } from "../../src/cli/run-share";
import { decodeShareLink } from "../../src/share/link-codec";
import { openShareLink } from "../../src/store/open-link";
import { createPlaygroundStore } from "../../src/store/store";
import { runDataOf } from "../../src/ui/share/make-share-link";

async function backtest(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false });
  return { code, out, err };
}

async function share(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runShare(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false });
  return { code, out, err };
}

const hashOf = (json: string): string => (JSON.parse(json) as { run: { fillsHash: string } }).run.fillsHash;

const SPY_ROWS =
  "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,1000\n2020-01-03,10.5,11,10,10.8,1000\n2020-01-06,10.8,11.2,10.6,11,1000\n";
const BUY_MINE = `import { TradingAlgorithm, order, type Context } from "playground";
export default class BuyMine extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("MINE"); }
  override handleData(context: Context) { if (context.barIndex === 0) order(context.asset, 10); }
}
`;

describe("share links on the command line", () => {
  it("prints a link whose --link run gives the same fills hash as running the file", async () => {
    const flags = ["--cash", "50000", "--fill-model", "close", "--start", "2015-01-01", "--no-type-check"];
    const file = await backtest("examples/stop-loss.ts", ...flags, "--json", "-");
    expect(file.code).toBe(0);
    const printed = await share("examples/stop-loss.ts", ...flags, "--base", "https://play.example/");
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^https:\/\/play\.example\/#v1\/[A-Za-z0-9_-]+\n$/);
    const decoded = decodeShareLink(printed.out);
    expect(decoded.ok && decoded.link.fillsHash).toBe(hashOf(file.out));
    expect(decoded.ok && decoded.link.settings).toEqual({
      run: { cash: 50000, fillModel: "close", start: "2015-01-01" },
    });
    const viaLink = await backtest("--link", printed.out.trim(), "--json", "-", "--no-type-check");
    expect(viaLink.code).toBe(0);
    expect(hashOf(viaLink.out)).toBe(hashOf(file.out));
    expect(JSON.parse(viaLink.out).summary.startingCash).toBe(50000);
  }, 60_000);

  it("carries a small imported CSV inside the link, so --link needs no --data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "share-"));
    writeFileSync(join(dir, "MINE.csv"), SPY_ROWS);
    writeFileSync(join(dir, "buy-mine.ts"), BUY_MINE);
    const printed = await share(join(dir, "buy-mine.ts"), "--data", join(dir, "MINE.csv"), "--no-type-check");
    expect(printed.err).toMatch(/^fills hash [0-9a-f]{16}\n$/);
    expect(printed.code).toBe(0);
    const decoded = decodeShareLink(printed.out);
    expect(decoded.ok && decoded.link.data).toEqual({
      bundled: [],
      imported: [{ name: "MINE.csv", symbols: ["MINE"], csv: SPY_ROWS }],
    });
    const run = await backtest("--link", printed.out.trim(), "--json", "-", "--no-type-check");
    expect(run.code).toBe(0);
    // The one order of the first bar fills once.
    expect(JSON.parse(run.out).fills).toHaveLength(1);
    expect(hashOf(run.out)).toBe(decoded.ok && decoded.link.fillsHash);
  }, 60_000);

  it("a link made from --data files opens in the page on those files alone, not beside every bundled symbol", async () => {
    const dir = mkdtempSync(join(tmpdir(), "share-"));
    writeFileSync(join(dir, "MINE.csv"), SPY_ROWS);
    writeFileSync(join(dir, "buy-mine.ts"), BUY_MINE);
    const printed = await share(join(dir, "buy-mine.ts"), "--data", dir, "--no-type-check", "--no-run");
    expect(printed.code).toBe(0);
    const page = createPlaygroundStore({ code: "" });
    expect(openShareLink(page, printed.out.trim())).toBe(true);
    const read = runDataOf(page.getState());
    expect(read.bundled.map((f) => f.symbol)).toEqual([]);
    expect(read.imported.flatMap((f) => f.symbols)).toEqual(["MINE"]);
  }, 60_000);

  it("names the bundled data however --data spells it, instead of carrying it as imports", async () => {
    const all = await share("examples/buy-and-hold.ts", "--data", "./sample-data/", "--no-run");
    expect(all.code).toBe(0);
    expect(all.err).toBe("");
    const allLink = decodeShareLink(all.out);
    expect(allLink.ok && allLink.link.data.imported).toEqual([]);
    expect(allLink.ok && allLink.link.data.bundled).toHaveLength(8);
    expect(allLink.ok && allLink.link.settings).toEqual({});

    const one = await share("examples/buy-and-hold.ts", "--data", "sample-data/SPY.csv", "--no-run");
    const oneLink = decodeShareLink(one.out);
    expect(oneLink.ok && oneLink.link.data).toEqual({ bundled: ["SPY"], imported: [] });
    const page = createPlaygroundStore({ code: "" });
    expect(openShareLink(page, one.out.trim())).toBe(true);
    expect(runDataOf(page.getState()).bundled.map((f) => f.symbol)).toEqual(["SPY"]);
  }, 60_000);

  it("asks for the imported data a link only names, and runs once --data gives it", async () => {
    const fixture = readFileSync(new URL("../share/fixtures/v1.txt", import.meta.url), "utf8").trim();
    const r = await backtest("--link", fixture, "--no-type-check", "--quiet");
    expect(r.code).toBe(2);
    expect(r.err).toContain("the link names imported data it does not carry: BIG.csv (BIG); pass the file with --data");
    const dir = mkdtempSync(join(tmpdir(), "big-"));
    writeFileSync(join(dir, "BIG.csv"), SPY_ROWS);
    const ok = await backtest("--link", fixture, "--data", join(dir, "BIG.csv"), "--no-type-check", "--json", "-");
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).run.symbols).toEqual(expect.arrayContaining(["SPY", "TINY", "BIG"]));
  }, 60_000);

  it("says which way a bad link is bad, and exits 2", async () => {
    const fixture = readFileSync(new URL("../share/fixtures/v1.txt", import.meta.url), "utf8").trim();
    expect((await backtest("--link", fixture.slice(0, -40))).err).toMatch(
      /^error: --link: truncated: This link is cut short/,
    );
    expect((await backtest("--link", fixture.replace("#v1/", "#v9/"))).err).toContain("--link: unknown-version:");
    expect((await backtest("--link", "https://example.com/#hello")).err).toContain("--link: not-ours:");
    const r = await backtest(
      "--link",
      fixture.slice(0, -30) + (fixture.at(-30) === "A" ? "B" : "A") + fixture.slice(-29),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("--link: tampered:");
  });

  it("prints its usage on standard output and exits 0 for --help", async () => {
    const r = await share("--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: npm run share -- <strategy\.ts>/);
  });

  it("its usage names every flag it takes: the backtest's setting flags with their models, --timeout and --max-memory", async () => {
    const usage = (await share("--help")).out;
    for (const flag of ["--commission", "--slippage", "--quiet", "--timeout", "--max-memory", "--base", "--no-run"])
      expect(usage).toContain(`[${flag}`);
    expect(usage).toContain("PerShare:cost=0.001,minTradeCost=0 (default)");
    const r = await share("examples/buy-and-hold.ts", "--commission", "PerTrade:cost=1", "--no-run", "--no-type-check");
    expect(r.code).toBe(0);
    const decoded = decodeShareLink(r.out);
    expect(decoded.ok && decoded.link.settings).toEqual({ run: { commission: { model: "PerTrade", cost: 1 } } });
  });

  it("refuses setting flags next to --link: the link carries its settings", async () => {
    const r = await backtest("--link", "#v1/AAAA", "--cash", "5");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--cash does not mix with --link");
    expect((await backtest("examples/buy-and-hold.ts", "--link", "#v1/AAAA")).err).toContain("drop");
  });
});
