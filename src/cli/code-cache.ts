/**
 * V8's code cache for the strategy thread's bundles (Node 20 has no `module.enableCompileCache`):
 * the thread compiles dist-cli/cli/run-worker-thread.cjs, and later the compiler's bundle
 * (compiler.cjs, only when a strategy is compiled, see cached-compile.ts), with `vm.Script` and the
 * bytecode V8 made for it last time, so a run does not parse and compile the engine, the sandbox
 * and the compiler again. A bundle's cache is written once after a run that had none (so it also
 * holds the functions that run compiled), under a name made of the bundle's name, size and
 * modification time, and V8 itself refuses one made by another V8 version or with other flags;
 * then the thread compiles as usual and writes a new one. A cache that cannot be read or written
 * only costs that speed.
 */

/** The name, on globalThis, of the function that writes the caches still missing (else does nothing). */
export const SAVE_CODE_CACHE = Symbol.for("strategy-playground.save-code-cache");

/**
 * The name, on globalThis, of the function that loads another CommonJS bundle beside the
 * thread's own, by name (`"compiler"` is compiler.cjs), with its code cache, and returns its
 * exports; and of that folder and the cache's, so its user can name a cache of its own there.
 */
export const LOAD_BUNDLE = Symbol.for("strategy-playground.load-bundle");

export interface BundleLoader {
  /** The exports of `<name>.cjs`, compiled with its code cache (each bundle once). */
  load(name: string): unknown;
  /** The folder the bundles are in. */
  dir: string;
  /** The folder the code caches are in (node_modules/.cache/strategy-playground/code-cache). */
  cacheDir: string;
}

/** Writes the code caches that were missing when their bundles were loaded (once). */
export function saveCodeCache(): void {
  const save = (globalThis as { [SAVE_CODE_CACHE]?: () => void })[SAVE_CODE_CACHE];
  save?.();
}

/** The loader the thread's boot set up, or undefined when the thread runs from its sources. */
export function bundleLoader(): BundleLoader | undefined {
  return (globalThis as { [LOAD_BUNDLE]?: BundleLoader })[LOAD_BUNDLE];
}

/**
 * The source of a worker (run with `eval: true`) that runs the CommonJS bundle `file` compiled
 * with its code cache from `cacheDir`, and leaves the loader (LOAD_BUNDLE) for the bundles beside
 * it. Plain source, not a function's text, so the bundler cannot rewrite its `require`s.
 */
export function cachedScriptBoot(file: string, cacheDir: string): string {
  return `"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { Script } = require("node:vm");
const Module = require("node:module");
const dir = ${JSON.stringify(cacheDir)};
const bundles = path.dirname(${JSON.stringify(file)});
const saves = [];
const loaded = new Map();
function loadCached(file) {
  const stem = path.basename(file, ".cjs");
  const stat = fs.statSync(file);
  const name = stem + "-" + stat.size + "-" + Math.round(stat.mtimeMs) + ".bin";
  const entry = path.join(dir, name);
  let cachedData;
  try { cachedData = fs.readFileSync(entry); } catch {}
  const script = new Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    saves.push(() => {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const partial = entry + "." + process.pid + "." + Math.random().toString(36).slice(2) + ".tmp";
        fs.writeFileSync(partial, script.createCachedData());
        fs.renameSync(partial, entry);
        for (const old of fs.readdirSync(dir)) if (old !== name && old.startsWith(stem + "-") && old.endsWith(".bin")) fs.rmSync(path.join(dir, old), { force: true });
      } catch {}
    });
  }
  const m = { exports: {} };
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  return m.exports;
}
globalThis[Symbol.for(${JSON.stringify(SAVE_CODE_CACHE.description)})] = () => { for (const save of saves.splice(0)) save(); };
globalThis[Symbol.for(${JSON.stringify(LOAD_BUNDLE.description)})] = {
  dir: bundles,
  cacheDir: dir,
  load(name) {
    if (!loaded.has(name)) loaded.set(name, loadCached(path.join(bundles, name + ".cjs")));
    return loaded.get(name);
  },
};
loadCached(${JSON.stringify(file)});
`;
}
