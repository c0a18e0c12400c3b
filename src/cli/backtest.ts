// `npm run backtest -- <strategy.ts> ...`: the browser's engine, in Node.
import { runCli } from "./run-cli";

process.exitCode = runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: Boolean(process.stderr.isTTY),
});
