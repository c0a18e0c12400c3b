/** `npm run share -- <strategy.ts> [setting flags] [--base <url>]`: prints a link the page opens. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { symbolFromFileName, parseBarsCsv } from "../engine/data/csv/csv-parser";
import { DataError } from "../engine/data/symbol-bars";
import { buildShareLink } from "../share/build-share-link";
import { linkSettingsOf } from "../share/link-settings";
import { shareUrl } from "../share/link-codec";
import { humanName, strategyClassName } from "../share/strategy-name";
import { DEFAULT_PLAYGROUND_SETTINGS, type PlaygroundSettings } from "../store/playground-settings";
import { ArgError, LIMIT_FLAGS_USAGE, parseArgs, RUN_FLAGS_USAGE, wrapUsage } from "./args";
import { MODEL_FLAGS_HELP } from "./setting-flags";
import { runCli, type CliIo } from "./run-cli";

const SAMPLE_DATA = fileURLToPath(new URL("../../sample-data", import.meta.url));
export const DEFAULT_BASE = "http://localhost:5173/";

// Built from the backtest's flag lists, so a new setting flag shows here too (it did not: the
// usage was written out and lacked --commission and --slippage, which share takes).
export const SHARE_USAGE = `${wrapUsage(
  "usage: npm run share -- <strategy.ts>",
  [
    ...RUN_FLAGS_USAGE,
    `[--base ${DEFAULT_BASE}]`,
    "[--no-run]",
    "[--quiet]",
    "[--no-type-check]",
    ...LIMIT_FLAGS_USAGE,
  ],
  17,
)}
${MODEL_FLAGS_HELP}`;

/** `--base` and `--no-run` are share's own; the rest are the backtest's flags. */
function splitOwnFlags(argv: readonly string[]): { base: string; run: boolean; rest: string[] } {
  let base = DEFAULT_BASE;
  let run = true;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--base" || a.startsWith("--base=")) {
      const v = a === "--base" ? argv[++i] : a.slice("--base=".length);
      if (v === undefined || !/^https?:\/\/\S+$/.test(v))
        throw new ArgError(`--base takes an http(s) URL, got "${v ?? ""}"`);
      base = v;
    } else if (a === "--no-run") run = false;
    else if (a === "--json" || a.startsWith("--json=") || a === "--link" || a.startsWith("--link="))
      throw new ArgError(`${a.split("=")[0]} is a backtest flag; share prints a link`);
    else rest.push(a);
  }
  return { base, run, rest };
}

/** The CSVs of `--data` (a file or a folder's top-level .csv files), as the page's imports. */
function importsOf(path: string): { name: string; symbols: string[]; csv: string }[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((n) => n.toLowerCase().endsWith(".csv"))
        .sort()
        .map((n) => join(path, n))
    : [path];
  return files.map((f) => {
    const csv = readFileSync(f, "utf8");
    return { name: basename(f), symbols: parseBarsCsv(csv, f).bars.map((b) => b.symbol), csv };
  });
}

/** Runs the strategy through the backtest CLI (so the hash is the one `--link` gives) and reads its fills hash. */
async function fillsHashOf(argv: string[], io: CliIo): Promise<string | null> {
  let json = "";
  const code = await Promise.resolve(
    runCli([...argv, "--json", "-", "--quiet"], { out: (t) => (json += t), err: io.err, tty: false }),
  );
  if (code !== 0) return null;
  const hash = (JSON.parse(json) as { run?: { fillsHash?: unknown } }).run?.fillsHash;
  return typeof hash === "string" ? hash : null;
}

/** Returns the exit code: 0 printed, 1 the strategy failed, 2 bad arguments or data. */
export async function runShare(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(SHARE_USAGE + "\n");
    return 0;
  }
  let own, args;
  try {
    own = splitOwnFlags(argv);
    args = parseArgs(own.rest, SAMPLE_DATA);
  } catch (e) {
    if (e instanceof ArgError) {
      io.err(`error: ${e.message}\n${SHARE_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  let source: string;
  try {
    source = readFileSync(resolve(args.strategy), "utf8");
  } catch {
    io.err(`error: ${args.strategy}: no such strategy file\n${SHARE_USAGE}\n`);
    return 2;
  }
  let imported: ReturnType<typeof importsOf> = [];
  let bundled: string[];
  // The bundled files however --data names them (`sample-data`, `./sample-data/SPY.csv`): the
  // receiver has them, so the link names them instead of carrying them as imports.
  const dataPath = resolve(args.data);
  const sampleDir = resolve(SAMPLE_DATA);
  try {
    if (dataPath === sampleDir)
      bundled = readdirSync(SAMPLE_DATA)
        .filter((n) => n.toLowerCase().endsWith(".csv"))
        .map(symbolFromFileName)
        .sort();
    else if (dirname(dataPath) === sampleDir && statSync(dataPath).isFile())
      bundled = [symbolFromFileName(basename(dataPath))];
    else {
      bundled = [];
      imported = importsOf(args.data);
    }
  } catch (e) {
    io.err(`error: bad data: ${e instanceof DataError || e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const d = DEFAULT_PLAYGROUND_SETTINGS;
  // The page runs every bundled symbol beside its imports unless the settings pick symbols: a run
  // of some files alone picks theirs, so the page runs what this command ran.
  const symbols = dataPath === sampleDir ? [] : [...bundled, ...imported.flatMap((f) => f.symbols)];
  const settings: PlaygroundSettings = { ...d, run: args.settings, symbols };

  let fillsHash: string | null = null;
  if (own.run) {
    fillsHash = await fillsHashOf(own.rest, io);
    if (fillsHash === null) return 1;
  }
  const className = strategyClassName(source);
  const built = buildShareLink({
    name: className ? humanName(className) : basename(args.strategy, ".ts"),
    code: source,
    settings: linkSettingsOf(settings, d.timeLimitSec),
    bundled,
    imported,
    fillsHash,
  });
  io.out(shareUrl(own.base, built.fragment) + "\n");
  if (!args.quiet) {
    if (fillsHash) io.err(`fills hash ${fillsHash}\n`);
    for (const n of built.named)
      io.err(`note: ${n} is too big for the link; it is named, and whoever opens the link is asked to import it\n`);
  }
  return 0;
}
