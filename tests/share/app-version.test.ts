import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { APP_VERSION } from "../../src/share/app-version";

it("a link names the app version package.json gives", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
});
