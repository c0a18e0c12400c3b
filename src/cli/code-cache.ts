/**
 * V8's code cache for the strategy thread's bundle (Node 20 has no `module.enableCompileCache`):
 * the thread compiles dist-cli/cli/run-worker-thread.cjs with `vm.Script` and the bytecode V8 made
 * for it last time, so a run does not parse and compile the engine, the sandbox and the compiler
 * again. The cache is written once after a run that had none (so it also holds the functions that
 * run compiled), under a name made of the bundle's size and modification time, and V8 itself
 * refuses one made by another V8 version or with other flags; then the thread compiles as usual
 * and writes a new one. A cache that cannot be read or written only costs that speed.
 */

/** The name, on globalThis, of the function that writes the cache (set only when it is missing). */
export const SAVE_CODE_CACHE = Symbol.for("strategy-playground.save-code-cache");

/** Writes the code cache, when this thread was started without a usable one (else does nothing). */
export function saveCodeCache(): void {
  const save = (globalThis as { [SAVE_CODE_CACHE]?: () => void })[SAVE_CODE_CACHE];
  save?.();
}

/**
 * The source of a worker (run with `eval: true`) that runs the CommonJS bundle `file` compiled
 * with its code cache from `cacheDir`. Plain source, not a function's text, so the bundler
 * cannot rewrite its `require`s.
 */
export function cachedScriptBoot(file: string, cacheDir: string): string {
  return `"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { Script } = require("node:vm");
const Module = require("node:module");
const file = ${JSON.stringify(file)};
const dir = ${JSON.stringify(cacheDir)};
const stat = fs.statSync(file);
const name = "run-worker-thread-" + stat.size + "-" + Math.round(stat.mtimeMs) + ".bin";
const entry = path.join(dir, name);
let cachedData;
try { cachedData = fs.readFileSync(entry); } catch {}
const script = new Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  globalThis[Symbol.for(${JSON.stringify(SAVE_CODE_CACHE.description)})] = () => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const partial = entry + "." + process.pid + "." + Math.random().toString(36).slice(2) + ".tmp";
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, entry);
      for (const old of fs.readdirSync(dir)) if (old !== name && old.endsWith(".bin")) fs.rmSync(path.join(dir, old), { force: true });
    } catch {}
  };
}
const m = { exports: {} };
script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
`;
}
