// Bundles the command line (src/cli/*) into dist-cli/ with esbuild, so `npm run backtest` starts
// from prebuilt JavaScript instead of compiling TypeScript at every start. `node scripts/build-cli.mjs`
// builds; scripts/cli.mjs calls buildCli() itself when a source is newer than the bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/**
 * The strategy compiler (sucrase, acorn: two thirds of the thread's code) as a bundle of its own,
 * also CommonJS, which the thread loads only when it has a strategy to compile for the first time
 * (src/cli/cached-compile.ts).
 */
const COMPILER_ENTRY = join(SRC, "cli/compiler.ts");

/**
 * In the strategy thread's bundle, `runStrategy` compiles through src/cli/cached-compile.ts, and
 * sucrase and acorn are left out (line-probes.ts stays for the helpers load-strategy.ts uses, which
 * do not parse): nothing left in that bundle calls them, and a call that did would throw, naming
 * the package.
 */
const compilerApart = {
  name: "compiler-apart",
  setup(build) {
    const runStrategy = join(SRC, "runtime", "run-strategy.ts");
    build.onResolve({ filter: /^\.\/(compile-strategy|line-probes)$/ }, (args) =>
      args.importer === runStrategy ? { path: join(SRC, "cli", "cached-compile.ts") } : undefined,
    );
    build.onResolve({ filter: /^(sucrase|acorn)$/ }, (args) => ({ path: args.path, namespace: "compiler-apart" }));
    build.onLoad({ filter: /.*/, namespace: "compiler-apart" }, (args) => ({
      contents: `const apart = () => { throw new Error("${args.path} is in compiler.cjs, not in this bundle"); };
export const parse = apart, transform = apart, Parser = { extend: apart };`,
      loader: "js",
    }));
  },
};

/** What the bundle depends on beside its sources: the locked dependencies and this script. */
const BUILD_FILES = ["package-lock.json", "scripts/build-cli.mjs"];

/** The modification time of each of `files` (paths from `root`), or null when one is missing. */
function timesOf(files, root) {
  const times = [];
  for (const f of files) {
    const st = statSync(join(root, f), { throwIfNoEntry: false });
    if (st === undefined) return null;
    times.push(st.mtimeMs);
  }
  return times;
}

/**
 * True when `root`/dist-cli/ holds a bundle of the current sources: each file the last build read
 * (esbuild's list, kept in the stamp) has the modification time it had then. Only those files are
 * looked at, not every file under src/ (a file no bundled source imports cannot change the bundle;
 * a source that starts importing one is itself changed).
 */
export function isFresh(root = ROOT) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, "dist-cli", "stamp.json"), "utf8"));
    const times = timesOf(stamp.inputs, root);
    return (
      times !== null &&
      Array.isArray(stamp.times) &&
      times.length === stamp.times.length &&
      times.every((t, i) => t === stamp.times[i]) &&
      stamp.entries.every((e) => existsSync(join(root, "dist-cli", e)))
    );
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

/** How long a chunk no build names is kept, for a run that started before the build replaced it. */
const OLD_CHUNK_MS = 10 * 60_000;

/**
 * Bundles every entry into dist-cli/<same path>.js (ESM); typescript stays external (loaded only
 * to type-check). What the entries share, and what a program imports only when it needs it (the
 * rest of the command line after the strategy's thread is started), is split into chunks beside
 * them (dist-cli/cli/chunk-<hash>.js), so a program loads only what it uses.
 */
export async function buildCli() {
  const { build } = await import("esbuild");
  const started = Date.now();
  const points = entries();
  const common = {
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
    outdir: OUT,
    outbase: SRC,
    bundle: true,
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    // Without comments (and the spaces that only indent): less to read and decode at each start,
    // and all ASCII, so Node reads it into a one-byte string (a comment's "×" made the strategy
    // thread's 1.3 MB a two-byte string, decoded the slow way). Names are kept; the maps point
    // back at the sources (`node --enable-source-maps`).
    minifyWhitespace: true,
    external: ["typescript", "esbuild", "tsx"],
    logLevel: "warning",
    plugins: [relocateUrls],
  };
  const modules = build({
    ...common,
    entryPoints: points,
    format: "esm",
    splitting: true,
    // Beside the entries, so the `new URL(…, import.meta.url)` relocated above hold in a chunk too.
    chunkNames: "cli/[name]-[hash]",
    // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
    banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  });
  const cjs = { ...common, format: "cjs", outExtension: { ".js": ".cjs" } };
  const script = build({ ...cjs, entryPoints: [SCRIPT_ENTRY], plugins: [...common.plugins, compilerApart] });
  const compiler = build({ ...cjs, entryPoints: [COMPILER_ENTRY] });
  const results = await Promise.all([modules, script, compiler]);
  const outputFiles = results.flatMap((r) => r.outputFiles);
  // Each file whole or not at all: two runs that find the bundle stale may build it at once.
  for (const f of outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    const partial = `${f.path}.${process.pid}.tmp`;
    writeFileSync(partial, f.contents);
    renameSync(partial, f.path);
  }
  const fromOut = (p) => relative(OUT, p).split(sep).join("/");
  const files = outputFiles.map((f) => fromOut(f.path)).filter((f) => !f.endsWith(".map"));
  removeOldChunks(new Set(files));
  const outName = (p, ext) => fromOut(join(OUT, relative(SRC, p))).replace(/\.tsx?$/, ext);
  const outs = [
    ...points.map((p) => outName(p, ".js")),
    outName(SCRIPT_ENTRY, ".cjs"),
    outName(COMPILER_ENTRY, ".cjs"),
  ];
  const inputs = [
    ...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)).filter((f) => !f.startsWith("node_modules/"))),
    ...BUILD_FILES,
  ].sort();
  // A source saved while the build read it may be in the bundle as it was before: build again next time.
  const times = timesOf(inputs, ROOT);
  const stamp = { entries: files, inputs, times: times?.every((t) => t < started) ? times : null };
  writeFileSync(`${STAMP}.${process.pid}.tmp`, JSON.stringify(stamp) + "\n");
  renameSync(`${STAMP}.${process.pid}.tmp`, STAMP);
  return outs;
}

/** Chunks (and their maps) of earlier builds that this one does not name, once they are old. */
function removeOldChunks(keep) {
  const dir = join(OUT, "cli");
  for (const name of readdirSync(dir)) {
    const file = `cli/${name}`;
    if (!/^chunk-.*\.js(\.map)?$/.test(name) || keep.has(file.replace(/\.map$/, ""))) continue;
    const st = statSync(join(dir, name), { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > OLD_CHUNK_MS) rmSync(join(dir, name), { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outs = await buildCli();
  console.error(`built ${outs.map((o) => "dist-cli/" + o).join(", ")}`);
}
