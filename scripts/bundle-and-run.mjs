// Bundles a bench entry with esbuild into dist/bench/, as scripts/build-cli.mjs bundles the CLI
// (no keepNames: tsx's keepNames wrapped every closure the engine makes in a defineProperty call,
// which cost B3 a third of its time), then runs the bundle with this process's arguments and exits
// with its status. Shared by `npm run bench` and `node scripts/bench-session.mjs`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * `entry` is relative to the repository root, `name` the bundle's file name. With `ownUrl`, the
 * bundle's `import.meta.url` is the entry's own, so it finds files beside its source.
 */
export async function bundleAndRun(entry, name, { ownUrl = false } = {}) {
  const entryUrl = new URL(`../${entry}`, import.meta.url);
  const out = fileURLToPath(new URL(`../dist/bench/${name}`, import.meta.url));
  await build({
    entryPoints: [fileURLToPath(entryUrl)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: out,
    logLevel: "warning",
    ...(ownUrl ? { define: { "import.meta.url": JSON.stringify(entryUrl.href) } } : {}),
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
