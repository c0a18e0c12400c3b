// `npm run bench`: bundles bench/run.ts into dist/bench/ and runs the bundle, so the engine is
// timed as the CLI and the page run it (scripts/bundle-and-run.mjs). Arguments pass through.
import { bundleAndRun } from "./bundle-and-run.mjs";

// bench/run.ts and bench/peer-runner.ts find ../sample-data and ./peers/ from their own folder.
await bundleAndRun("bench/run.ts", "run.mjs", { ownUrl: true });
