import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// `npm run bench:browser`: the browser benchmark, on the same build, server and Chromium as the
// browser tests, but outside tests/e2e so `npm test` never runs it.
export default defineConfig({
  ...base,
  testDir: ".",
  timeout: 600_000,
  workers: 1,
  reporter: [["list"]],
  // The build alone can take minutes on a loaded machine.
  webServer: { ...(base.webServer as object), timeout: 900_000 } as typeof base.webServer,
});
