// Where the page's time goes while a 200,000-bar CSV is imported: a CPU profile of the main
// thread (CDP Profiler) from choosing the file to the chart drawn, and for each long task the
// functions that took most of it (self time). Skipped unless PROFILE_OUT names a folder; serve a
// `vite build --minify false` build to read the names.
//   PROFILE_OUT=/tmp/prof PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts profile-import
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "../../tests/e2e/helpers/playground";
import { csvText, longTasks, openWithB1, pageNow } from "./b1-page";
import { startProfiler } from "./page-profiler";

const OUT = process.env.PROFILE_OUT;

test("profile of the page during a 200,000-bar import", async ({ app, page, browser }) => {
  test.skip(!OUT, "set PROFILE_OUT to a folder to profile");
  await openWithB1(app);
  // From a file on disk, as a user picks it (a buffer would be rebuilt in the page in one long task).
  const file = join(OUT!, "A.csv");
  writeFileSync(file, csvText());
  // PROFILE_TRACE=1 also writes a Chromium trace to read in DevTools.
  const stop = await startProfiler(browser, page, OUT!, "import");
  // The profile's clock (µs, monotonic) against the page's performance.now(): read both together.
  const start = await pageNow(app);
  await page.getByTestId("import-csv-input").setInputFiles(file);
  await expect(app.chart.root).toHaveAttribute("data-bars", "200000", { timeout: 120_000 });
  await app.drawn();
  await app.drawn();
  const profile = await stop();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Sample times on the page's clock, from the profile's start (read just after it, a few ms late).
  let t = start;
  const samples = profile.samples.map((id, i) => {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const f = byId.get(id)!.callFrame;
    return {
      t,
      ms: (profile.timeDeltas[i + 1] ?? 0) / 1000,
      key: `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`,
    };
  });
  for (const task of (await longTasks(app)).filter((x) => x.start >= start)) {
    const own = new Map<string, number>();
    for (const s of samples)
      if (s.t >= task.start && s.t <= task.start + task.duration) own.set(s.key, (own.get(s.key) ?? 0) + s.ms);
    const top = [...own.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`task @${Math.round(task.start - start)} ${Math.round(task.duration)} ms:`);
    for (const [name, ms] of top) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  }
});
