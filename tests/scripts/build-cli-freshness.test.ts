import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BUILD_SCRIPT = fileURLToPath(new URL("../../scripts/build-cli.mjs", import.meta.url));

/** What `npm run backtest` decides (scripts/cli.mjs): true when the bundle under `root` needs no build. */
function isFresh(root: string): boolean {
  const program = `import(${JSON.stringify(BUILD_SCRIPT)}).then((m) => process.stdout.write(String(m.isFresh(${JSON.stringify(root)}))))`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" }) === "true";
}

const T0 = 1_700_000_000; // seconds: a time that survives being set again exactly

describe("npm run backtest's check that dist-cli/ is current", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A checkout whose bundle was built from src/a.ts and src/b.ts; src/notes.ts is imported by neither. */
  const checkout = () => {
    const root = mkdtempSync(join(tmpdir(), "build-cli-"));
    made.push(root);
    mkdirSync(join(root, "src"));
    mkdirSync(join(root, "dist-cli", "cli"), { recursive: true });
    for (const f of ["src/a.ts", "src/b.ts", "src/notes.ts", "dist-cli/cli/backtest.js"]) {
      writeFileSync(join(root, f), "");
      utimesSync(join(root, f), T0, T0);
    }
    const stamp = { entries: ["cli/backtest.js"], inputs: ["src/a.ts", "src/b.ts"], times: [T0 * 1000, T0 * 1000] };
    writeFileSync(join(root, "dist-cli", "stamp.json"), JSON.stringify(stamp));
    return root;
  };

  it("needs no build when every file the bundle was made of is as it was", () => {
    expect(isFresh(checkout())).toBe(true);
  });

  it("builds again when a file the bundle was made of is saved, even with an older time", () => {
    const newer = checkout();
    utimesSync(join(newer, "src/b.ts"), T0 + 1, T0 + 1);
    expect(isFresh(newer)).toBe(false);
    const older = checkout();
    utimesSync(join(older, "src/a.ts"), T0 - 60, T0 - 60);
    expect(isFresh(older)).toBe(false);
  });

  it("builds again when a file the bundle was made of or a bundled file is gone", () => {
    const source = checkout();
    rmSync(join(source, "src/a.ts"));
    expect(isFresh(source)).toBe(false);
    const bundle = checkout();
    rmSync(join(bundle, "dist-cli/cli/backtest.js"));
    expect(isFresh(bundle)).toBe(false);
  });

  it("needs no build for a change to a file no bundled source imports", () => {
    const root = checkout();
    utimesSync(join(root, "src/notes.ts"), T0 + 1, T0 + 1);
    expect(isFresh(root)).toBe(true);
  });

  it("builds again after a build that saw a source saved while it read it (no times kept)", () => {
    const root = checkout();
    const stamp = { entries: ["cli/backtest.js"], inputs: ["src/a.ts", "src/b.ts"], times: null };
    writeFileSync(join(root, "dist-cli", "stamp.json"), JSON.stringify(stamp));
    expect(isFresh(root)).toBe(false);
  });
});
