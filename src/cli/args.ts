import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIME_LIMIT_SEC, MAX_TIME_LIMIT_SEC } from "../runtime/run-limits";
import type { RunSettings } from "../engine/settings";
import { numberText } from "../engine/settings/setting-kinds";
import { MODEL_FLAGS_HELP, parseSettingFlag, SETTING_FLAGS_USAGE, settingOfFlag, withDefaults } from "./setting-flags";

export interface CliArgs {
  /** The strategy file; empty with `--link`. */
  strategy: string;
  /** `--link <url or fragment>`: run a share link's strategy and settings instead of a file. */
  link?: string;
  data: string;
  /** The run settings: every setting flag of the engine's table, defaults for the rest. */
  settings: RunSettings;
  json?: string;
  quiet: boolean;
  noTypeCheck: boolean;
  /** Wall-clock limit of the run, seconds (the page's time limit, 60 s by default). */
  timeoutSec: number;
  /** Heap limit of the strategy's thread, MB. */
  maxMemoryMb: number;
}

export class ArgError extends Error {}

/** Lays out `[--flag ...]` groups after `head`, wrapping before `width` columns. */
export function wrapUsage(head: string, groups: readonly string[], indentWidth = 20, width = 110): string {
  const indent = " ".repeat(indentWidth);
  const lines: string[] = [];
  let line = head;
  for (const g of groups) {
    if (line.length + 1 + g.length > width && line.trim() !== "") {
      lines.push(line);
      line = indent + g;
    } else line = line === indent ? line + g : `${line} ${g}`;
  }
  return [...lines, line].join("\n");
}

/** The run's flags, in the usage of both `npm run backtest` and `npm run share`. */
export const RUN_FLAGS_USAGE: readonly string[] = ["[--data <file-or-folder>]", ...SETTING_FLAGS_USAGE];
export const LIMIT_FLAGS_USAGE: readonly string[] = [
  `[--timeout <seconds, default ${DEFAULT_TIME_LIMIT_SEC}>]`,
  `[--max-memory <MB, default ${DEFAULT_MAX_MEMORY_MB}>]`,
];

export const USAGE = `${wrapUsage("usage: npm run backtest -- <strategy.ts>", [
  ...RUN_FLAGS_USAGE,
  "[--json <out.json> | --json -]",
  "[--quiet]",
  "[--no-type-check]",
  ...LIMIT_FLAGS_USAGE,
])}
       npm run backtest -- --link '<share link or #fragment>' [--data <file-or-folder>] [--json …] [--quiet]
${MODEL_FLAGS_HELP}`;

/** Parse the command line (docs/cli.md); an ArgError says what is wrong. */
export function parseArgs(argv: readonly string[], defaultData: string): CliArgs {
  const out: Partial<CliArgs> & { quiet: boolean; noTypeCheck: boolean } = { quiet: false, noTypeCheck: false };
  const settings: Partial<Record<keyof RunSettings, unknown>> = {};
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
    const setting = settingOfFlag(flag);
    if (setting) {
      const r = parseSettingFlag(setting, value(flag));
      if (!r.ok) throw new ArgError(r.errors.join("; "));
      settings[setting] = r.value;
      continue;
    }
    switch (flag) {
      case "--data":
        out.data = value(flag);
        break;
      case "--json":
        out.json = value(flag);
        break;
      case "--timeout":
      case "--max-memory": {
        const v = value(flag);
        const n = Number(v);
        if (
          !Number.isFinite(n) ||
          n <= 0 ||
          (flag === "--max-memory" && n < 16) ||
          (flag === "--timeout" && n > MAX_TIME_LIMIT_SEC)
        )
          throw new ArgError(
            `${flag} takes a number ${flag === "--timeout" ? `of seconds above 0, at most ${numberText(MAX_TIME_LIMIT_SEC)}` : "of MB, at least 16"}, got "${v}"`,
          );
        out[flag === "--timeout" ? "timeoutSec" : "maxMemoryMb"] = n;
        break;
      }
      case "--link":
        out.link = value(flag);
        break;
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
  if (out.link !== undefined) {
    if (out.strategy) throw new ArgError(`--link runs the link's strategy; drop "${out.strategy}"`);
    const mixed = argv.find((a) => settingOfFlag(a.split("=")[0]!) !== undefined);
    if (mixed) throw new ArgError(`${mixed.split("=")[0]} does not mix with --link: the link carries its settings`);
  } else if (!out.strategy) throw new ArgError("missing the strategy file");
  const run = withDefaults(settings as Partial<RunSettings>);
  if (run.start && run.end && run.start > run.end) throw new ArgError(`--start ${run.start} is after --end ${run.end}`);
  return {
    strategy: out.strategy ?? "",
    link: out.link,
    data: out.data ?? defaultData,
    settings: run,
    json: out.json,
    quiet: out.quiet,
    noTypeCheck: out.noTypeCheck,
    timeoutSec: out.timeoutSec ?? DEFAULT_TIME_LIMIT_SEC,
    maxMemoryMb: out.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
  };
}
