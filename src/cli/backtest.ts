// `npm run backtest -- <strategy.ts> ...`: the browser's engine, in Node.
// The strategy's thread is started before the rest of the command line is loaded, so that its
// start-up overlaps that too; runCli starts another if the arguments want another heap limit.
import { DEFAULT_MAX_MEMORY_MB } from "../runtime/run-limits";
import { startStrategyThread } from "./strategy-thread";
import { enterUserFolder } from "./user-folder";

/** --max-memory as the arguments most likely give it (runCli reads them properly, and checks). */
function likelyMaxMemory(argv: readonly string[]): number {
  let mb = DEFAULT_MAX_MEMORY_MB;
  argv.forEach((a, i) => {
    const v = a === "--max-memory" ? argv[i + 1] : a.startsWith("--max-memory=") ? a.slice(13) : undefined;
    if (v !== undefined && Number(v) >= 16) mb = Number(v);
  });
  return mb;
}

enterUserFolder("backtest");
const argv = process.argv.slice(2);
const started = startStrategyThread(likelyMaxMemory(argv));
const { runCli } = await import("./run-cli");

// `... --json - | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(
  argv,
  { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), tty: Boolean(process.stderr.isTTY) },
  undefined,
  started,
);
// Everything is said once both streams have written out what they were given: exit then, rather
// than after Node has freed this thread's heap and modules one by one (nothing is left to run).
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write("", done))));
process.exit();
