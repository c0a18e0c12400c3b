// `node scripts/bench-session.mjs [B1]`: bundles bench/session.ts as `npm run bench` bundles
// bench/run.ts and runs it: the run worker's session in Node (bench/README.md).
import { bundleAndRun } from "./bundle-and-run.mjs";

await bundleAndRun("bench/session.ts", "session.mjs");
