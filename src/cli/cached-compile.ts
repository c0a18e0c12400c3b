/**
 * The strategy thread's compile, kept apart from its bundle. The compiler (sucrase and acorn) is
 * two thirds of what the thread would otherwise load and lock down at every start, yet a strategy
 * run again has nothing new to compile. So scripts/build-cli.mjs bundles the compiler on its own
 * (dist-cli/cli/compiler.cjs, from compiler.ts) and gives the thread's `runStrategy` this
 * module in place of `compileStrategy` and `addLineProbes`: they answer from what the same
 * compiler made for the same file name and source before, kept on disk, and load the compiler
 * (with its code cache) only when there is none. The code is the compiler's own output either
 * way, so a run behaves exactly as with the compiler.
 *
 * An entry holds the compiler's build (the bundle's size and time), the file name, the source,
 * what sucrase made and what the probes made of it; it is used only when the first three are
 * exactly the ones asked for (the hash in its name only finds it). A compile that fails (a syntax
 * error) is never kept: the compiler says it again.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ProbeShift } from "../runtime/line-probes";
import { UserFacingError } from "../runtime/user-error";
import { bundleLoader } from "./code-cache";

/** What the compiler's bundle exports (compiler.ts). */
export interface StrategyCompiler {
  compileStrategy(source: string, fileName: string): string;
  addLineProbes(js: string): { code: string; shifts: ProbeShift[] };
  /** The bundle's own error class: its errors are the user's (a syntax error), not internal. */
  UserFacingError: new (...args: never[]) => Error & { detail: UserFacingError["detail"] };
}

export interface CompileCache {
  dir: string;
  /** Names the compiler's build: an entry made by another build is not used. */
  compiler: string;
}

interface Entry {
  compiler: string;
  fileName: string;
  source: string;
  compiled: string;
  probed: { code: string; shifts: ProbeShift[] };
}

/** FNV-1a (32-bit) of the text, twice with two seeds: an entry's file name, never its check. */
function nameOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0") + ".json";
}

function readEntry(file: string): Entry | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Entry;
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, file: string, entry: Entry): void {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, JSON.stringify(entry));
    renameSync(partial, file);
  } catch {
    // A read-only checkout or no such folder: compile every time.
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/**
 * `compileStrategy` and `addLineProbes` as `runStrategy` calls them (the second on what the first
 * gave), answered from `cache` when it holds this compile, else by `load()`'s compiler, whose
 * result is then kept.
 */
export function cachedCompiler(
  load: () => StrategyCompiler,
  cache: CompileCache | undefined,
): Pick<StrategyCompiler, "compileStrategy" | "addLineProbes"> {
  /** The compile `addLineProbes` is expected to finish next. */
  let pending: { file: string; entry: Omit<Entry, "probed">; probed?: Entry["probed"] } | undefined;
  const compiler = (): StrategyCompiler => load();
  return {
    compileStrategy(source, fileName) {
      pending = undefined;
      if (cache) {
        const key = [cache.compiler, fileName, source].join("\0");
        const file = join(cache.dir, nameOf(key));
        const kept = readEntry(file);
        if (kept && kept.compiler === cache.compiler && kept.fileName === fileName && kept.source === source) {
          pending = { file, entry: kept, probed: kept.probed };
          return kept.compiled;
        }
        const compiled = userErrors(compiler(), (c) => c.compileStrategy(source, fileName));
        pending = { file, entry: { compiler: cache.compiler, fileName, source, compiled } };
        return compiled;
      }
      return userErrors(compiler(), (c) => c.compileStrategy(source, fileName));
    },
    addLineProbes(js) {
      const p = pending;
      pending = undefined;
      if (p === undefined || p.entry.compiled !== js) return compiler().addLineProbes(js);
      if (p.probed) return p.probed;
      const probed = compiler().addLineProbes(js);
      if (cache) writeEntry(cache.dir, p.file, { ...p.entry, probed });
      return probed;
    },
  };
}

/** Runs `f` on the compiler, its user errors rethrown as this bundle's UserFacingError. */
function userErrors<T>(c: StrategyCompiler, f: (c: StrategyCompiler) => T): T {
  try {
    return f(c);
  } catch (e) {
    if (e instanceof c.UserFacingError) throw new UserFacingError(e.detail);
    throw e;
  }
}

/** The compile cache beside the code caches, named by the compiler bundle's build. */
function bundledCache(dir: string, cacheDir: string): CompileCache | undefined {
  try {
    const st = statSync(join(dir, "compiler.cjs"));
    return { dir: join(cacheDir, "..", "compiled-strategies"), compiler: `${st.size}:${st.mtimeMs}` };
  } catch {
    return undefined;
  }
}

const loader = bundleLoader();
const bundled = loader
  ? cachedCompiler(() => loader.load("compiler") as StrategyCompiler, bundledCache(loader.dir, loader.cacheDir))
  : cachedCompiler(() => {
      throw new Error("the strategy compiler's bundle (compiler.cjs) is not loaded: run from dist-cli/");
    }, undefined);

/** In the CLI's strategy thread, in place of src/runtime/compile-strategy.ts's (build-cli.mjs). */
export const compileStrategy = bundled.compileStrategy;
/** In the CLI's strategy thread, in place of src/runtime/line-probes.ts's (build-cli.mjs). */
export const addLineProbes = bundled.addLineProbes;
