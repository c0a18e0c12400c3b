// `npm run backtest` / `npm run share`: runs the prebuilt command line (dist-cli/), bundling it
// first when it is missing or older than the sources, so a fresh clone and an edited checkout both
// just work. Usage: node scripts/cli.mjs <backtest|share> [args…]
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildCli, isFresh, OUT } from "./build-cli.mjs";

const [name] = process.argv.splice(2, 1);
if (!isFresh()) await buildCli();
await import(pathToFileURL(join(OUT, "cli", `${name}.js`)).href);
