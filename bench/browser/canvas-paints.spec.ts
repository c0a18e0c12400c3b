// Which canvases the page paints during the B1 run, frame by frame: every 2D context call that
// draws is counted against its canvas (named by the chart it sits in and its size), and each frame
// says which canvases were drawn to since the last. A chart that repaints without a reason shows
// here as its canvases in a frame where nothing of it changed. Skipped unless CANVAS_PAINTS=1.
//   CANVAS_PAINTS=1 PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts canvas-paints
import { join } from "node:path";
import { test } from "../../tests/e2e/helpers/playground";
import { benchFiles, csvText, importCsv, openWithB1, runOnImportAlone, runToTheEnd } from "./b1-page";

declare global {
  interface Window {
    __paints?: { on: boolean; frames: Array<{ t: number; drawn: Record<string, number> }> };
  }
}

test("canvases painted per frame during the B1 run", async ({ app, page }) => {
  test.skip(process.env.CANVAS_PAINTS !== "1", "set CANVAS_PAINTS=1");
  await page.addInitScript(() => {
    const paints = { on: false, frames: [] as Array<{ t: number; drawn: Record<string, number> }> };
    window.__paints = paints;
    let drawn: Record<string, number> = {};
    const names = new WeakMap<HTMLCanvasElement, string>();
    const nameOf = (c: HTMLCanvasElement) => {
      let n = names.get(c);
      if (n) return n;
      const chart = c.closest("[data-testid]")?.getAttribute("data-testid") ?? "?";
      const all = [...(c.closest("[data-testid]")?.querySelectorAll("canvas") ?? [])];
      n = `${chart}#${all.indexOf(c)} ${c.width}x${c.height}`;
      names.set(c, n);
      return n;
    };
    const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ["fillRect", "clearRect", "fill", "stroke", "fillText", "strokeText", "drawImage", "strokeRect"]) {
      const orig = proto[m]!;
      proto[m] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
        if (paints.on) {
          const n = nameOf(this.canvas as HTMLCanvasElement);
          drawn[n] = (drawn[n] ?? 0) + 1;
        }
        return orig.apply(this, args);
      };
    }
    const tick = (t: number) => {
      if (paints.on && Object.keys(drawn).length > 0) paints.frames.push({ t, drawn });
      drawn = {};
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await openWithB1(app);
  await importCsv(app, join(benchFiles(csvText()), "A.csv"));
  await runOnImportAlone(app);
  await page.evaluate(() => (window.__paints!.on = true));
  await runToTheEnd(app);
  const frames = await page.evaluate(() => {
    window.__paints!.on = false;
    return window.__paints!.frames;
  });
  const start = await page.evaluate(() => performance.getEntriesByName("run-pressed").at(-1)!.startTime);
  const marks = await page.evaluate(() =>
    performance.getEntriesByType("mark").map((m) => ({ name: m.name, t: m.startTime })),
  );
  const perCanvas: Record<string, number> = {};
  let m = 0;
  for (const f of frames) {
    for (; m < marks.length && marks[m]!.t <= f.t; m++)
      if (marks[m]!.t >= start) console.log(`  mark @${Math.round(marks[m]!.t - start)} ${marks[m]!.name}`);
    for (const n of Object.keys(f.drawn)) perCanvas[n] = (perCanvas[n] ?? 0) + 1;
    const which = Object.entries(f.drawn)
      .map(([n, k]) => `${n}:${k}`)
      .join("  ");
    console.log(`@${Math.round(f.t - start)}  ${which}`);
  }
  console.log(JSON.stringify({ framesDrawn: frames.length, framesPerCanvas: perCanvas }));
});
