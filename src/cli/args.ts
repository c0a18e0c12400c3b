import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIME_LIMIT_SEC } from "../runtime/run-limits";
import type { FillModelName } from "../engine/matching/fill-model";
import type { SameBarPolicy } from "../engine/settings";

export interface CliArgs {
  strategy: string;
  data: string;
  start?: string;
  end?: string;
  cash: number;
  fillModel: FillModelName;
  sameBar: SameBarPolicy;
  json?: string;
  quiet: boolean;
  noTypeCheck: boolean;
  /** Wall-clock limit of the run, seconds (the page's time limit, 60 s by default). */
  timeoutSec: number;
  /** Heap limit of the strategy's thread, MB. */
  maxMemoryMb: number;
}

export class ArgError extends Error {}

export const USAGE = `usage: npm run backtest -- <strategy.ts> [--data <file-or-folder>] [--start 2019-01-01] [--end 2020-12-31]
                    [--cash 100000] [--fill-model ohlc|close] [--same-bar path|stopFirst|targetFirst]
                    [--json <out.json> | --json -] [--quiet] [--no-type-check]
                    [--timeout <seconds, default 60>] [--max-memory <MB, default 2048>]`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parse the command line of cli-and-data.md; an ArgError says what is wrong. */
export function parseArgs(argv: readonly string[], defaultData: string): CliArgs {
  const out: Partial<CliArgs> & { quiet: boolean; noTypeCheck: boolean } = { quiet: false, noTypeCheck: false };
  const rest = [...argv];
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined || (v.startsWith("--") && v !== "-")) throw new ArgError(`${flag} needs a value`);
    return v;
  };
  while (rest.length > 0) {
    const a = rest.shift()!;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    if (inline !== undefined) rest.unshift(inline);
    switch (flag) {
      case "--data":
        out.data = value(flag);
        break;
      case "--start":
      case "--end": {
        const v = value(flag);
        if (!ISO_DATE.test(v) || !Number.isFinite(Date.parse(v)))
          throw new ArgError(`${flag} takes a date like 2019-01-31, got "${v}"`);
        out[flag === "--start" ? "start" : "end"] = v;
        break;
      }
      case "--cash": {
        const v = value(flag);
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new ArgError(`--cash takes an amount above 0, got "${v}"`);
        out.cash = n;
        break;
      }
      case "--fill-model": {
        const v = value(flag);
        if (v !== "ohlc" && v !== "close") throw new ArgError(`--fill-model is ohlc or close, got "${v}"`);
        out.fillModel = v;
        break;
      }
      case "--same-bar": {
        const v = value(flag);
        if (v !== "path" && v !== "stopFirst" && v !== "targetFirst")
          throw new ArgError(`--same-bar is path, stopFirst or targetFirst, got "${v}"`);
        out.sameBar = v;
        break;
      }
      case "--json":
        out.json = value(flag);
        break;
      case "--timeout":
      case "--max-memory": {
        const v = value(flag);
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0 || (flag === "--max-memory" && n < 16))
          throw new ArgError(
            `${flag} takes a number ${flag === "--timeout" ? "of seconds above 0" : "of MB, at least 16"}, got "${v}"`,
          );
        out[flag === "--timeout" ? "timeoutSec" : "maxMemoryMb"] = n;
        break;
      }
      case "--quiet":
        out.quiet = true;
        break;
      case "--no-type-check":
        out.noTypeCheck = true;
        break;
      default:
        if (flag.startsWith("-")) throw new ArgError(`unknown option ${flag}`);
        if (out.strategy) throw new ArgError(`one strategy file at a time (got "${out.strategy}" and "${flag}")`);
        out.strategy = flag;
    }
  }
  if (!out.strategy) throw new ArgError("missing the strategy file");
  if (out.start && out.end && out.start > out.end) throw new ArgError(`--start ${out.start} is after --end ${out.end}`);
  return {
    strategy: out.strategy,
    data: out.data ?? defaultData,
    start: out.start,
    end: out.end,
    cash: out.cash ?? 100_000,
    fillModel: out.fillModel ?? "ohlc",
    sameBar: out.sameBar ?? "path",
    json: out.json,
    quiet: out.quiet,
    noTypeCheck: out.noTypeCheck,
    timeoutSec: out.timeoutSec ?? DEFAULT_TIME_LIMIT_SEC,
    maxMemoryMb: out.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
  };
}
