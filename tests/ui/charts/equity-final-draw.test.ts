import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FramePicks } from "../../../src/ui/charts/equity-lod";

/** Every setData the chart library is handed, by series (the equity's baseline, the drawdown's area). */
const handed: Array<{ series: string; points: number }> = [];

vi.mock("lightweight-charts", () => {
  const series = (name: string) => ({
    setData: (data: unknown[]) => handed.push({ series: name, points: data.length }),
    applyOptions: () => undefined,
    priceScale: () => ({ applyOptions: () => undefined }),
  });
  return {
    AreaSeries: "Area",
    BaselineSeries: "Baseline",
    LineSeries: "Line",
    ColorType: { Solid: "solid" },
    CrosshairMode: { Normal: 0 },
    createChart: () => ({
      addSeries: (type: string) => series(type),
      panes: () => [{}, { setStretchFactor: () => undefined }],
      applyOptions: () => undefined,
      remove: () => undefined,
    }),
  };
});

const { EquityChartView, drawdownTicks, DRAWDOWN_TICK_DIGITS } =
  await import("../../../src/ui/charts/equity-chart-view");

/** The equity chart's element as the view sees it: the attributes tests and the benchmark read. */
const element = () => ({ dataset: {} as Record<string, string> }) as unknown as HTMLElement;

/** A curve of `n` bars drawn bar by bar, equity growing by `step` a bar, its last `gaps` bars not yet run. */
function curve(n: number, step: number, gaps = 0): FramePicks {
  const index = Int32Array.from({ length: n }, (_, i) => i);
  const value = Float64Array.from(index, (i) => (i < n - gaps ? 100_000 + step * i : NaN));
  const drawdown = Float64Array.from(index, (i) => (i < n - gaps ? 0 : NaN));
  return { index, value, drawdown, full: { from: 0, to: n - 1 }, stride: 1, bars: n };
}

const times = Float64Array.from({ length: 10 }, (_, i) => Date.UTC(2020, 0, 1 + i));

describe("the equity chart at the end of a run", () => {
  let frames: Array<() => void>;
  beforeEach(() => {
    handed.length = 0;
    frames = [];
    vi.stubGlobal("requestAnimationFrame", (f: () => void) => frames.push(f));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("a finished run whose whole curve its last batch already drew is marked final without being drawn again", () => {
    const el = element();
    const view = new EquityChartView(el, "dark");
    view.draw(curve(10, 50), times, null, 10, false);
    expect(handed).toHaveLength(2);
    expect(view.draw(curve(10, 50), times, null, 10, true)).toBe(false);
    expect(handed).toHaveLength(2);
    expect(el.dataset.final).toBe("true");
    expect(el.dataset.points).toBe("10");
    // The run's end is marked a frame (and a turn) later, as when it is drawn.
    expect(frames).toHaveLength(1);
  });

  it("a finished run with points its last redraw did not have is drawn", () => {
    const el = element();
    const view = new EquityChartView(el, "dark");
    view.draw(curve(10, 50, 3), times, null, 7, false);
    view.draw(curve(10, 50), times, null, 10, true);
    expect(handed.map((h) => h.series)).toEqual(["Baseline", "Area", "Baseline", "Area"]);
    expect(el.dataset.final).toBe("true");
  });

  it("a curve of other values on the same bars is drawn (a new run of the same length)", () => {
    const el = element();
    const view = new EquityChartView(el, "dark");
    view.draw(curve(10, 50), times, null, 10, true);
    view.draw(curve(10, -20), times, null, 10, false);
    expect(handed).toHaveLength(4);
    expect(el.dataset.final).toBe("false");
  });
});

describe("the drawdown axis's tick labels", () => {
  const digitWide = (s: string) => [...s].filter((c) => (c >= "0" && c <= "9") || c === "\u2007").length;

  it("read as the drawdown's own labels, followed only by figure spaces (not seen: the labels start at the axis's edge)", () => {
    const labels = drawdownTicks([0, -2.5, -40, -100]);
    expect(labels.map((l) => l.replace(/\u2007+$/, ""))).toEqual(["0.0%", "-2.5%", "-40.0%", "-100.0%"]);
  });

  it("are all as wide as the deepest drawdown's, so a deepening drawdown never widens them", () => {
    const shallow = drawdownTicks([0, -0.5, -1]);
    const deep = drawdownTicks([0, -50, -100, -105.3]);
    for (const label of [...shallow, ...deep]) expect(digitWide(label)).toBe(DRAWDOWN_TICK_DIGITS);
    expect(DRAWDOWN_TICK_DIGITS).toBeGreaterThan(digitWide("-105.3%"));
  });
});
