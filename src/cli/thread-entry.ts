import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cachedScriptBoot } from "./code-cache";

/** Where the strategy thread's code cache is kept (code-cache.ts). */
export const CODE_CACHE = fileURLToPath(
  new URL("../../node_modules/.cache/strategy-playground/code-cache", import.meta.url),
);

/**
 * A worker thread's entry beside this module when the CLI is prebuilt (dist-cli/): `<name>.cjs`
 * run with V8's code cache (code-cache.ts), or `<name>.js`; else the `<name>.ts` source, loaded
 * through tsx (a worker thread does not inherit the main thread's loader), as when tests run the
 * CLI from its sources.
 */
export function threadEntry(name: string): { code: string | URL; eval: boolean } {
  const cjs = fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
  if (existsSync(cjs)) return { code: cachedScriptBoot(cjs, CODE_CACHE), eval: true };
  const js = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(js))) return { code: js, eval: false };
  const tsxRoot = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(join(tsxRoot, "dist/esm/api/index.mjs")).href;
  const ts = new URL(`./${name}.ts`, import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); })`;
  return { code: boot, eval: true };
}
