import type { Page } from "@playwright/test";
import type { ResultsJson } from "../../src/engine/results/results-schema";
import type { ChartDebugApi } from "../../src/ui/charts/chart-debug-api";
import { expect, test, type Playground } from "./helpers/playground";

type Win = Window & { playground: { chart: ChartDebugApi; results(): ResultsJson | null } };
const chart = <T>(page: Page, f: (c: ChartDebugApi) => T) =>
  page.evaluate(`(${f.toString()})(window.playground.chart)`) as Promise<T>;
const resultsOf = (page: Page) => page.evaluate(() => (window as unknown as Win).playground.results()!);

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** What each kind of order's marker must say. */
function expectedRole(o: ResultsJson["orders"][number]): string | null {
  if (o.role === "stopLoss") return "SL";
  if (o.role === "takeProfit") return "TP";
  if (o.role === "ocoLeg") return o.type === "limit" ? "OCO limit" : o.type === "stop" ? "OCO stop" : null;
  if (o.type === "trailingStop") return "trail";
  if (o.type === "stop") return "stop";
  return null;
}

async function runExample(app: Playground, id: string): Promise<ResultsJson> {
  await app.open();
  await app.gallery.open();
  await app.gallery.choose(id);
  await app.toolbar.runToCompletion();
  await app.resultsReady();
  const r = await resultsOf(app.page);
  await expect.poll(() => app.chart.symbol()).toBe(r.orders[0]!.symbol);
  await expect.poll(() => app.chart.markers()).toBe(r.fills.filter((f) => f.symbol === r.orders[0]!.symbol).length);
  return r;
}

/** Every stop, limit, stop-limit and trailing order that worked is drawn at its price, from after placement to its end. */
async function expectEveryLevel(app: Playground, r: ResultsJson): Promise<void> {
  const levels = await chart(app.page, (c) => c.levels());
  const symbol = r.orders[0]!.symbol;
  const worked = r.orders.filter(
    (o) =>
      o.symbol === symbol &&
      o.type !== "market" &&
      o.status !== "REJECTED" &&
      // a bracket leg cancelled while held never worked
      !(o.status === "CANCELLED" && (o.reason ?? "").startsWith("PARENT_CANCELLED")),
  );
  expect(worked.length).toBeGreaterThan(0);
  for (const o of worked) {
    const mine = levels.filter((l) => l.orderId === o.id);
    const want = o.type === "stopLimit" ? ["stop", "limit"] : [o.type === "trailingStop" ? "trailing" : o.type];
    expect(
      mine.map((l) => l.kind),
      `levels of ${o.id}`,
    ).toEqual(want);
    for (const l of mine) {
      const first = l.points[0]!;
      const last = l.points[l.points.length - 1]!;
      const price = l.kind === "limit" ? o.limit : o.stop;
      // a trailing stop ends at its last stop; the others hold one price
      expect(last[1], `price of ${o.id}`).toBeCloseTo(price!, 6);
      expect(Date.parse(first[0]), `start of ${o.id}`).toBeGreaterThanOrEqual(Date.parse(o.createdAt));
      if (["FILLED", "CANCELLED", "EXPIRED"].includes(o.status) && !(o.type === "stopLimit" && l.kind === "stop"))
        expect(last[0], `end of ${o.id}`).toBe(o.updatedAt);
      const outcome = { FILLED: "filled", CANCELLED: "cancelled", EXPIRED: "expired" }[o.status as "FILLED"] ?? "open";
      if (!(o.type === "stopLimit" && l.kind === "stop")) expect(l.outcome, `outcome of ${o.id}`).toBe(outcome);
    }
  }
}

async function expectExitMarkersNameTheirLeg(app: Playground, r: ResultsJson): Promise<string> {
  const markers = await chart(app.page, (c) => c.markers());
  const byId = new Map(r.orders.map((o) => [o.id, o]));
  let exitId = "";
  for (const m of markers) {
    const want = expectedRole(byId.get(m.orderId)!);
    if (want === null) continue;
    expect(m.role, `marker of ${m.orderId}`).toBe(want);
    expect(m.exit).toBe(true);
    exitId ||= m.orderId;
  }
  expect(exitId).not.toBe("");
  return exitId;
}

/** Zooms to a trade closed by `reason` (bars around it) and checks the labels say the leg. */
async function zoomToExit(app: Playground, r: ResultsJson, reason: string): Promise<ResultsJson["trades"][number]> {
  const trade = r.trades.find((t) => t.exitReason === reason)!;
  expect(trade, `a trade closed by ${reason}`).toBeTruthy();
  const from = iso(Date.parse(trade.entryDt) - 12 * DAY);
  const to = iso(Date.parse(trade.exitDt) + 12 * DAY);
  await chart(app.page, new Function("c", `c.show(${JSON.stringify(from)}, ${JSON.stringify(to)})`) as never);
  await expect.poll(() => chart(app.page, (c) => c.mode())).toBe("full");
  const exit = (await chart(app.page, (c) => c.markers())).find(
    (m) => m.orderId === trade.exitOrderId && m.time === trade.exitDt,
  )!;
  expect(exit.text.startsWith(`${reason} `), exit.text).toBe(true);
  return trade;
}

async function hoverShowsOrder(app: Playground, orderId: string): Promise<void> {
  const p = await app.page.evaluate((id) => (window as unknown as Win).playground.chart.pointOf(id), orderId);
  expect(p, `a drawn point for ${orderId}`).not.toBeNull();
  const box = (await app.chart.root.boundingBox())!;
  await app.page.mouse.move(box.x + p!.x, box.y + p!.y);
  const card = app.page.getByTestId("hover-card");
  await expect(card).toBeVisible();
  await expect(card).toContainText(orderId);
  await expect(card).toContainText("Commission");
  await expect(card).toContainText("Trigger");
}

async function blotterClickMovesChart(app: Playground, r: ResultsJson): Promise<void> {
  // An order far from the current view: the last one the run placed.
  const o = r.orders[r.orders.length - 1]!;
  await chart(app.page, (c) => c.show("2014-01-01T00:00:00.000Z", "2014-03-01T00:00:00.000Z"));
  expect(await app.page.evaluate((t) => (window as unknown as Win).playground.chart.inView(t), o.createdAt)).toBe(
    false,
  );
  await app.tabs.open("orders");
  await app.blotter.row(o.id).click();
  await expect
    .poll(() => app.page.evaluate((t) => (window as unknown as Win).playground.chart.inView(t), o.createdAt))
    .toBe(true);
  // The transitions move it too.
  await app.blotter.row(o.id).click(); // collapse
  const other = r.orders[r.orders.length - 2]!;
  await app.blotter.row(other.id).click();
  await chart(app.page, (c) => c.show("2014-01-01T00:00:00.000Z", "2014-03-01T00:00:00.000Z"));
  await app.page.getByTestId(`order-history-${other.id}`).getByTestId("order-transition").first().click();
  await expect
    .poll(() => app.page.evaluate((t) => (window as unknown as Win).playground.chart.inView(t), other.createdAt))
    .toBe(true);
}

async function golden(app: Playground, name: string): Promise<void> {
  await app.page.mouse.move(0, 0);
  await expect(app.page.getByTestId("hover-card")).toBeHidden();
  await app.page.waitForTimeout(300); // the last frame draws
  await expect(app.chart.root).toHaveScreenshot(name);
}

test.describe.configure({ timeout: 120_000 });

test("bracket: every level drawn, SL/TP exits named, hover, blotter click, golden close-up", async ({ app }) => {
  const r = await runExample(app, "bracket-order");
  await expectEveryLevel(app, r);
  await expectExitMarkersNameTheirLeg(app, r);
  const trade = await zoomToExit(app, r, "TP");
  await golden(app, "levels-bracket.png");
  await hoverShowsOrder(app, trade.exitOrderId);
  await blotterClickMovesChart(app, r);
});

test("trailing stop: the step line ends where the trail filled; golden close-up and ten years zoomed out", async ({
  app,
}) => {
  const r = await runExample(app, "trailing-stop");
  await expectEveryLevel(app, r);
  await expectExitMarkersNameTheirLeg(app, r);
  const trade = await zoomToExit(app, r, "trail");
  await golden(app, "levels-trailing-stop.png");
  await hoverShowsOrder(app, trade.exitOrderId);
  // The whole ten years: markers become arrows and crowded ones merge into counts.
  await app.page.getByTestId("chart-fit").click();
  await expect.poll(() => chart(app.page, (c) => c.mode())).toBe("arrows");
  await golden(app, "levels-crowded-10y.png");

  // The trail still open at the end stands where its last move put it in the blotter too: placed
  // at the 2024-12-26 close 246.91, 3% under is 239.50; the highs 255.64 (12-27) and 261.68
  // (12-30) moved it to 247.97 and 253.83; 12-31's high 259.37 left it there.
  const live = r.orders.find((o) => o.type === "trailingStop" && o.status === "OPEN")!;
  await expect(app.blotter.row(live.id).getByTestId("order-type")).toHaveText("trail 3.00% @ 253.83");
  await app.blotter.row(live.id).click();
  await expect(app.blotter.history(live.id).getByTestId("order-stop-moves")).toHaveText(
    "2024-12-27 → 2024-12-30 StopMoved ×2: stop 239.50 → 253.83",
  );
});

test("OCO: both legs drawn, the filled leg named; golden close-up", async ({ app }) => {
  const r = await runExample(app, "oco-exit");
  await expectEveryLevel(app, r);
  await expectExitMarkersNameTheirLeg(app, r);
  const reason = r.trades.some((t) => t.exitReason === "OCO limit") ? "OCO limit" : "OCO stop";
  const trade = await zoomToExit(app, r, reason);
  await golden(app, "levels-oco.png");
  await hoverShowsOrder(app, trade.exitOrderId);
});

test("stop-loss: plain stops drawn and named", async ({ app }) => {
  const r = await runExample(app, "stop-loss");
  await expectEveryLevel(app, r);
  await expectExitMarkersNameTheirLeg(app, r);
  const trade = await zoomToExit(app, r, "stop");
  await hoverShowsOrder(app, trade.exitOrderId);
});
