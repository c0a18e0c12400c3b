/**
 * The type check off the critical path: its verdict is kept under a hash of everything it depends
 * on (the strategy's path and source, the "playground" declarations, the TypeScript version and
 * the compiler options), so running the same strategy again does not load TypeScript at all.
 * Any change to one of those is a different key, so the check is never skipped, only remembered.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { playgroundDeclarations, type TypeDiagnostic, typeCheckStrategy, typescriptVersion } from "./type-check";

export const TYPE_CHECK_CACHE = fileURLToPath(
  new URL("../../node_modules/.cache/strategy-playground/type-check", import.meta.url),
);

/** Bump when what the checker is asked changes in a way the inputs below do not show. */
const CACHE_FORMAT = 1;

export interface CachedCheckOptions {
  cacheDir?: string;
  check?: typeof typeCheckStrategy;
}

export function cacheKey(fileName: string, source: string, declarations: Map<string, string>): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([CACHE_FORMAT, typescriptVersion(), fileName]));
  for (const [name, text] of [...declarations].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\0${name}\0${text}`);
  hash.update("\0strategy\0" + source);
  return hash.digest("hex");
}

/** Where the verdict for these inputs is (or will be) kept. */
function entryPath(fileName: string, source: string, declarations: Map<string, string>, dir: string): string {
  return join(dir, cacheKey(fileName, source, declarations) + ".json");
}

/** The verdict kept for these inputs, or undefined when they were not checked before. */
export function cachedVerdict(
  fileName: string,
  source: string,
  opts: Pick<CachedCheckOptions, "cacheDir"> = {},
): TypeDiagnostic[] | undefined {
  const file = entryPath(fileName, source, playgroundDeclarations(), opts.cacheDir ?? TYPE_CHECK_CACHE);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as TypeDiagnostic[];
  } catch {
    return undefined; // not checked before (or an unreadable entry)
  }
}

/** typeCheckStrategy, answered from the cache when the same inputs were checked before. */
export function cachedTypeCheck(fileName: string, source: string, opts: CachedCheckOptions = {}): TypeDiagnostic[] {
  const known = cachedVerdict(fileName, source, opts);
  if (known !== undefined) return known;
  const dir = opts.cacheDir ?? TYPE_CHECK_CACHE;
  const declarations = playgroundDeclarations();
  const file = entryPath(fileName, source, declarations, dir);
  const diagnostics = (opts.check ?? typeCheckStrategy)(fileName, source, declarations);
  try {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, JSON.stringify(diagnostics));
    renameSync(partial, file); // whole or absent, even with two runs at once
  } catch {
    // a read-only checkout just checks every time
  }
  return diagnostics;
}
