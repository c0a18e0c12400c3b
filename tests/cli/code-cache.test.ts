import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { cachedScriptBoot, LOAD_BUNDLE, SAVE_CODE_CACHE } from "../../src/cli/code-cache";

/** A CommonJS "bundle" that answers what it computed, after writing the caches still missing. */
function bundle(dir: string, body: string): string {
  const file = join(dir, "run-worker-thread.cjs");
  writeFileSync(
    file,
    `const { parentPort } = require("node:worker_threads");
const loader = globalThis[Symbol.for(${JSON.stringify(LOAD_BUNDLE.description)})];
${body}
globalThis[Symbol.for(${JSON.stringify(SAVE_CODE_CACHE.description)})]();
parentPort.postMessage({ value });
`,
  );
  return file;
}

function runBoot(file: string, cacheDir: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(cachedScriptBoot(file, cacheDir), { eval: true });
    worker.once("message", (m: { value: unknown }) => {
      void worker.terminate();
      resolve(m.value);
    });
    worker.once("error", reject);
  });
}

/** Each cache file's modification time, by name. */
const entries = (cache: string) =>
  Object.fromEntries(readdirSync(cache).map((name) => [name, statSync(join(cache, name)).mtimeMs]));

describe("the strategy thread's code cache", { timeout: 30_000 }, () => {
  it("is written by the first run of a bundle and used, not rewritten, by the next", async () => {
    const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    const cache = join(dir, "cache");
    const file = bundle(dir, "const value = [1, 2, 3].map((x) => x * 2).join(',');");
    expect(await runBoot(file, cache)).toBe("2,4,6");
    const written = entries(cache);
    expect(Object.keys(written)).toEqual([expect.stringMatching(/^run-worker-thread-\d+-\d+\.bin$/)]);
    expect(await runBoot(file, cache)).toBe("2,4,6");
    expect(entries(cache)).toEqual(written);
  });

  it("is made again, and the old one removed, when the bundle changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    const cache = join(dir, "cache");
    await runBoot(bundle(dir, "const value = 'first build';"), cache);
    const [before] = readdirSync(cache);
    const file = bundle(dir, "const value = 'the second build';");
    expect(await runBoot(file, cache)).toBe("the second build");
    const after = readdirSync(cache);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it("loads a bundle beside the thread's by name, once, with a cache of its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    const cache = join(dir, "cache");
    writeFileSync(join(dir, "helper.cjs"), "exports.loadedAt = Symbol('once'); exports.twice = (x) => 2 * x;");
    const uses =
      "const h = loader.load('helper'); const value = [h.twice(21), loader.load('helper') === h, loader.dir];";
    const file = bundle(dir, uses);
    expect(await runBoot(file, cache)).toEqual([42, true, dir]);
    const written = entries(cache);
    expect(Object.keys(written).sort()).toEqual([
      expect.stringMatching(/^helper-\d+-\d+\.bin$/),
      expect.stringMatching(/^run-worker-thread-\d+-\d+\.bin$/),
    ]);
    expect(await runBoot(file, cache)).toEqual([42, true, dir]);
    expect(entries(cache)).toEqual(written);
    // A new build of the thread's bundle replaces its own cache, not the helper's.
    await runBoot(bundle(dir, uses + " // rebuilt"), cache);
    const helper = Object.keys(written).find((n) => n.startsWith("helper-"))!;
    expect(entries(cache)[helper]).toBe(written[helper]);
    expect(Object.keys(entries(cache))).toHaveLength(2);
  });

  it("runs the bundle without a cache where none can be written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    const notADir = join(dir, "file");
    writeFileSync(notADir, "");
    const file = bundle(dir, "const value = 42;");
    expect(await runBoot(file, join(notADir, "cache"))).toBe(42);
    expect(await runBoot(file, join(notADir, "cache"))).toBe(42);
  });
});
