import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { cachedScriptBoot, SAVE_CODE_CACHE } from "../../src/cli/code-cache";

/** A CommonJS "bundle" that answers what it computed and whether it was asked to write the cache. */
function bundle(dir: string, body: string): string {
  const file = join(dir, "run-worker-thread.cjs");
  writeFileSync(
    file,
    `const { parentPort } = require("node:worker_threads");
const save = globalThis[Symbol.for(${JSON.stringify(SAVE_CODE_CACHE.description)})];
${body}
if (save) save();
parentPort.postMessage({ value, saved: typeof save === "function" });
`,
  );
  return file;
}

function runBoot(file: string, cacheDir: string): Promise<{ value: unknown; saved: boolean }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(cachedScriptBoot(file, cacheDir), { eval: true });
    worker.once("message", (m: { value: unknown; saved: boolean }) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once("error", reject);
  });
}

describe("the strategy thread's code cache", { timeout: 30_000 }, () => {
  it("is written by the first run of a bundle and used, not rewritten, by the next", async () => {
    const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    const cache = join(dir, "cache");
    const file = bundle(dir, "const value = [1, 2, 3].map((x) => x * 2).join(',');");
    expect(await runBoot(file, cache)).toEqual({ value: "2,4,6", saved: true });
    const [entry] = readdirSync(cache);
    expect(entry).toMatch(/^run-worker-thread-\d+-\d+\.bin$/);
    const written = statSync(join(cache, entry!)).mtimeMs;
    expect(await runBoot(file, cache)).toEqual({ value: "2,4,6", saved: false });
    expect(statSync(join(cache, entry!)).mtimeMs).toBe(written);
  });

  it("is made again, and the old one removed, when the bundle changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    const cache = join(dir, "cache");
    await runBoot(bundle(dir, "const value = 'first build';"), cache);
    const [before] = readdirSync(cache);
    const file = bundle(dir, "const value = 'the second build';");
    expect(await runBoot(file, cache)).toEqual({ value: "the second build", saved: true });
    const after = readdirSync(cache);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it("runs the bundle without a cache where none can be written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    const notADir = join(dir, "file");
    writeFileSync(notADir, "");
    const file = bundle(dir, "const value = 42;");
    expect(await runBoot(file, join(notADir, "cache"))).toEqual({ value: 42, saved: true });
    expect(await runBoot(file, join(notADir, "cache"))).toEqual({ value: 42, saved: true });
  });
});
