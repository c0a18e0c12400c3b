// Bundles the command line (src/cli/*) into dist-cli/ with esbuild, so `npm run backtest` starts
// from prebuilt JavaScript instead of compiling TypeScript at every start. `node scripts/build-cli.mjs`
// builds; scripts/backtest.mjs calls buildCli() itself when a source is newer than the bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");
export const OUT = join(ROOT, "dist-cli");
const STAMP = join(OUT, "stamp.json");

/** The CLI's entry points (ES modules): the programs and the type check's worker-thread entry. */
function entries() {
  return ["cli/backtest.ts", "cli/type-check-thread.ts", "cli/share.ts"]
    .map((p) => join(SRC, p))
    .filter((p) => existsSync(p));
}

/**
 * The strategy thread's entry, bundled as CommonJS (`.cjs`): the thread compiles it with
 * `vm.Script` and V8's code cache (src/cli/code-cache.ts), which Node 20 offers for scripts only.
 */
const SCRIPT_ENTRY = join(SRC, "cli/run-worker-thread.ts");

/** The newest modification time among what the bundle is made of. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|mjs|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(SRC);
  for (const f of ["package-lock.json", "scripts/build-cli.mjs"]) {
    if (existsSync(join(ROOT, f))) newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  }
  return newest;
}

/** True when dist-cli/ holds a bundle of the current sources. */
export function isFresh() {
  if (!existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, "utf8"));
    return stamp.newest === newestSource() && stamp.entries.every((e) => existsSync(join(OUT, e)));
  } catch {
    return false;
  }
}

/**
 * `new URL("x", import.meta.url)` in a source file names a file beside that source; in the bundle
 * import.meta.url is the bundle's. Rewrite each one that names an existing file (data, .d.ts) to
 * the same file seen from the bundle's folder. Names of files that do not exist in src are meant
 * to sit beside the bundle (the prebuilt worker entry) and stay as they are.
 */
const relocateUrls = {
  name: "relocate-import-meta-urls",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const outDir = join(OUT, "cli"); // every entry is in src/cli, so every bundle is in dist-cli/cli
      const contents = text.replace(/new URL\((["'])([^"'\n]+)\1,\s*import\.meta\.url\)/g, (whole, q, rel) => {
        const target = resolve(dirname(args.path), rel);
        if (!existsSync(target) || /(?<!\.d)\.tsx?$/.test(target)) return whole;
        let moved = relative(outDir, target).split(sep).join("/");
        if (!moved.startsWith(".")) moved = "./" + moved;
        if (rel.endsWith("/") && !moved.endsWith("/")) moved += "/";
        return `new URL(${q}${moved}${q}, import.meta.url)`;
      });
      return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};

/** Bundles every entry into dist-cli/<same path>.js (ESM); typescript stays external (loaded only to type-check). */
export async function buildCli() {
  const { build } = await import("esbuild");
  const newest = newestSource();
  const points = entries();
  const common = {
    write: false,
    outdir: OUT,
    outbase: SRC,
    bundle: true,
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    external: ["typescript", "esbuild", "tsx"],
    logLevel: "warning",
    plugins: [relocateUrls],
  };
  const modules = build({
    ...common,
    entryPoints: points,
    format: "esm",
    // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
    banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  });
  const script = build({ ...common, entryPoints: [SCRIPT_ENTRY], format: "cjs", outExtension: { ".js": ".cjs" } });
  const outputFiles = (await Promise.all([modules, script])).flatMap((r) => r.outputFiles);
  // Each file whole or not at all: two runs that find the bundle stale may build it at once.
  for (const f of outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    const partial = `${f.path}.${process.pid}.tmp`;
    writeFileSync(partial, f.contents);
    renameSync(partial, f.path);
  }
  const outName = (p, ext) =>
    relative(SRC, p)
      .replace(/\.tsx?$/, ext)
      .split(sep)
      .join("/");
  const outs = [...points.map((p) => outName(p, ".js")), outName(SCRIPT_ENTRY, ".cjs")];
  writeFileSync(`${STAMP}.${process.pid}.tmp`, JSON.stringify({ newest, entries: outs }) + "\n");
  renameSync(`${STAMP}.${process.pid}.tmp`, STAMP);
  return outs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outs = await buildCli();
  console.error(`built ${outs.map((o) => "dist-cli/" + o).join(", ")}`);
}
