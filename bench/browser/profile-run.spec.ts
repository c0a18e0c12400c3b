// Where the page's time goes during the B1 run: a CPU profile of the main thread (CDP Profiler)
// from pressing Run to the final results drawn, summed by function (self time). Skipped unless
// PROFILE_OUT names a folder; build with `vite build --minify false` to read the names.
//   PROFILE_OUT=/tmp/prof PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts profile-run
import { join } from "node:path";
import { test } from "../../tests/e2e/helpers/playground";
import {
  benchFiles,
  csvText,
  importCsv,
  longTaskFigures,
  longTasks,
  openWithB1,
  pageNow,
  runOnImportAlone,
  runToTheEnd,
} from "./b1-page";
import { longTaskCpu, selfTimes, startProfiler } from "./page-profiler";

const OUT = process.env.PROFILE_OUT;

test("profile of the page during the B1 run", async ({ app, page, browser }) => {
  test.skip(!OUT, "set PROFILE_OUT to a folder to profile");
  await openWithB1(app);
  await importCsv(app, join(benchFiles(csvText()), "A.csv"));
  await runOnImportAlone(app);
  const stop = await startProfiler(browser, page, OUT!, "run");
  const start = await pageNow(app);
  await runToTheEnd(app);
  const end = await pageNow(app);
  const profile = await stop();
  const all = await longTasks(app);
  const marks = await page.evaluate(() =>
    performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)] as const),
  );
  const rel = (t: number) => Math.round(t - start);
  console.log(JSON.stringify({ runMs: Math.round(end - start), longTasks: longTaskFigures(all, start, end) }));
  console.log(
    "marks",
    marks
      .filter(([, t]) => t >= start)
      .map(([n, t]) => `${n}@${rel(t)}`)
      .join(" "),
  );
  console.log(
    "long tasks",
    all
      .filter((t) => t.start >= start)
      .map((t) => `${rel(t.start)}+${Math.round(t.duration)}`)
      .join(" "),
  );
  if (process.env.PROFILE_TRACE === "1")
    console.log(
      "long tasks, wall/cpu ms",
      longTaskCpu(join(OUT!, "run.trace.json"), "run-pressed", end - start)
        .map((t) => `${t.at}+${t.wallMs}/${t.cpuMs}`)
        .join(" "),
    );
  for (const [name, ms] of selfTimes(profile, 40)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
});
