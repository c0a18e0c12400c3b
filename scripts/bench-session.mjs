// `node scripts/bench-session.mjs [B1]`: bundles bench/session.ts as scripts/bench.mjs bundles
// bench/run.ts (no keepNames) and runs it: the run worker's session in Node (bench/README.md).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("../bench/session.ts", import.meta.url));
const out = fileURLToPath(new URL("../dist/bench/session.mjs", import.meta.url));
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: out,
  logLevel: "warning",
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status ?? 1);
