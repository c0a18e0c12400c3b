/** The CLI's program, with its output streams passed in so tests can run it in-process. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedBars } from "../engine/data/csv/csv-parser";
import { DataError } from "../engine/data/symbol-bars";
import type { RunSettings } from "../engine/settings";
import { noBarsBetweenDates } from "../runtime/date-range";
import { barsToRun, progressBar } from "./progress-bar";
import { formatUserError } from "../runtime/user-error";
import { ArgError, type CliArgs, parseArgs, USAGE } from "./args";
import { loadDataPath } from "./load-data";
import { startStrategyThread, type StrategyThread } from "./strategy-thread";
import { startTypeCheck, type TypeVerdict } from "./concurrent-type-check";
import { JsonOutput } from "./json-output";
import { printable, printableLines } from "./terminal-text";
import type { TypeDiagnostic } from "./type-check";

const SAMPLE_DATA = fileURLToPath(new URL("../../sample-data", import.meta.url));
/** The name a link's code has in messages (the page calls it the same). */
const LINK_FILE = "strategy.ts";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (for the progress bar). */
  tty: boolean;
}

/**
 * Run the command line; returns the exit code (0 ok, 1 strategy failed, 2 bad arguments or data).
 * `typeCheckCacheDir` moves the type check's cache (tests start from an empty one). `started` is
 * a strategy thread the caller started before loading this module (backtest.ts): it is used when
 * its heap limit is the one the arguments ask for, else ended.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  typeCheckCacheDir?: string,
  started?: StrategyThread,
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    started?.cancel();
    io.out(USAGE + "\n");
    return 0;
  }
  let args;
  try {
    args = parseArgs(argv, SAMPLE_DATA);
  } catch (e) {
    started?.cancel();
    if (e instanceof ArgError) return failed(io, 2, `error: ${e.message}\n${USAGE}`);
    throw e;
  }
  // Started first: the thread loads the engine and locks its realm down while this one reads the data.
  const thread = started?.maxMemoryMb === args.maxMemoryMb ? started : startStrategyThread(args.maxMemoryMb);
  if (thread !== started) started?.cancel();
  try {
    return await runWith(thread, args, io, typeCheckCacheDir);
  } finally {
    thread.cancel(); // a no-op after a run; ends a thread that never got one
  }
}

async function runWith(
  thread: StrategyThread,
  args: CliArgs,
  io: CliIo,
  typeCheckCacheDir: string | undefined,
): Promise<number> {
  const fail = (code: number, message: string): number => failed(io, code, message);
  let input: CliInput;
  try {
    input = args.link !== undefined ? await fromLink(args.link, args.data) : fromFile(args.strategy, args.data);
    const noBars = noBarsBetweenDates(input.data.bars, input.settings ?? args.settings);
    if (noBars !== null) throw new ArgError(noBars);
  } catch (e) {
    if (e instanceof ArgError) return fail(2, `error: ${e.message}`);
    if (e instanceof DataError) return fail(2, `error: bad data: ${printable(e.message)}`);
    throw e;
  }
  const { file, source, data } = input;
  if (!args.quiet) for (const w of data.warnings) io.err(`warning: ${printable(w)}\n`);

  const typeErrors = (diags: readonly TypeDiagnostic[]) =>
    fail(
      1,
      diags.map((d) => `${input.label}:${d.line}:${d.column}: type error: ${printableLines(d.message)}`).join("\n"),
    );
  // The check runs beside the run (concurrent-type-check.ts); a known verdict answers before it.
  const verdict: TypeVerdict = args.noTypeCheck
    ? { settled: true, diagnostics: [] }
    : startTypeCheck(file, source, typeCheckCacheDir);
  if (verdict.settled && verdict.diagnostics.length > 0) return typeErrors(verdict.diagnostics);
  const output = args.json === undefined ? null : new JsonOutput(args.json, io.out, !verdict.settled);
  try {
    output?.open();
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/, open '.*'$/, "") : String(e);
    return fail(2, `error: --json ${args.json}: cannot write the results there (${why})`);
  }

  const progress = !args.quiet && args.json === undefined && io.tty;
  const settings = input.settings ?? args.settings;
  const total = progress ? barsToRun(data.bars, settings) : 0;
  const outcome = await thread.run(
    {
      source,
      fileName: basename(file),
      bars: data.bars,
      settings,
      json: args.json === "-" ? "compact" : args.json !== undefined ? "pretty" : null,
      summary: args.json !== "-" && !args.quiet,
    },
    args.timeoutSec,
    {
      onProgress: progress ? (bars) => io.err(`\r${progressBar(bars, total)}`) : undefined,
      onJson: output ? (chunk) => output.write(chunk) : undefined,
    },
  );
  if (progress) io.err("\r\x1b[K");
  // As when the check came first: type errors win over the run's outcome, which is discarded.
  const diags = verdict.settled ? verdict.diagnostics : await verdict.diagnostics.catch((e: unknown) => e);
  if (!Array.isArray(diags) || diags.length > 0 || outcome.type === "error") output?.discard();
  if (!Array.isArray(diags)) throw diags;
  if (diags.length > 0) return typeErrors(diags);
  if (outcome.type === "error") {
    const d = { ...outcome.error, file: outcome.error.file ? input.label : undefined };
    return fail(
      outcome.exit,
      printable(outcome.exit === 2 ? `error: bad data: ${outcome.error.message}` : `error: ${formatUserError(d)}`),
    );
  }
  output?.commit();
  if (outcome.summary !== null) io.out(outcome.summary + "\n");
  return 0;
}

/** Says `message` on standard error and returns the exit `code`. */
function failed(io: CliIo, code: number, message: string): number {
  io.err(message + "\n");
  return code;
}

/** What a run reads: the strategy's source, its data and (from a link) its settings. */
interface CliInput {
  /** The path type-checking and compiling see. */
  file: string;
  /** How messages name the strategy: the path as typed, or "link:<name>". */
  label: string;
  source: string;
  data: ParsedBars;
  settings?: RunSettings;
}

function fromFile(strategy: string, dataPath: string): CliInput {
  const file = resolve(strategy);
  if (!existsSync(file)) throw new ArgError(`${strategy}: no such strategy file\n${USAGE}`);
  if (!statSync(file).isFile()) throw new ArgError(`${strategy}: not a file; give the strategy's .ts file\n${USAGE}`);
  return { file, label: strategy, source: readFileSync(file, "utf8"), data: loadDataPath(dataPath) };
}

/** A link's decoder (and the share codec under it) is loaded only for `--link`. */
async function fromLink(text: string, dataPath: string): Promise<CliInput> {
  const { linkInput } = await import("./link-input");
  const { link, settings, data } = linkInput(text, SAMPLE_DATA, dataPath === SAMPLE_DATA ? undefined : dataPath);
  return { file: resolve(LINK_FILE), label: `link:${LINK_FILE}`, source: link.code, data, settings };
}
