// `npm run bench`: bundles bench/run.ts into dist/bench/ with esbuild, as scripts/build-cli.mjs bundles the CLI,
// and runs the bundle, so the engine is timed as the CLI and the page run it. (tsx, which ran
// it before, compiles with keepNames: every closure the engine makes is wrapped in a
// defineProperty call, which cost B3 a third of its time.) Arguments pass through.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entryUrl = new URL("../bench/run.ts", import.meta.url);
const entry = fileURLToPath(entryUrl);
const out = fileURLToPath(new URL("../dist/bench/run.mjs", import.meta.url));
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: out,
  logLevel: "warning",
  // bench/run.ts and bench/peer-runner.ts find ../sample-data and ./peers/ from their own folder.
  define: { "import.meta.url": JSON.stringify(entryUrl.href) },
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status ?? 1);
