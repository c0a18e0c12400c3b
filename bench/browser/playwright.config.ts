import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The web server runs from the config's own folder unless told otherwise: there `vite preview`
// finds no vite.config.ts and no dist/, answers 404 to every request, and Playwright waits for a
// page that never comes until the webServer timeout. Serve from the repository root, as the tests do.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// `npm run bench:browser`: the browser benchmark, on the same build, server and Chromium as the
// browser tests, but outside tests/e2e so `npm test` never runs it.
export default defineConfig({
  ...base,
  testDir: ".",
  timeout: 600_000,
  workers: 1,
  reporter: [["list"]],
  // A trace records DOM snapshots in the page while it runs: the page would be measured with it.
  use: { ...base.use, trace: "off" },
  // The build alone can take minutes on a loaded machine.
  webServer: { ...(base.webServer as object), cwd: ROOT, timeout: 900_000 } as typeof base.webServer,
});
