import { describe, expect, it } from "vitest";
import { PlacedMarkers } from "../../../src/ui/charts/marker-placing";
import { clusterMarkers, markerMode } from "../../../src/ui/charts/marker-thinning";
import type { ChartMarker } from "../../../src/ui/charts/order-levels";

/** A fill on bar `bar`: buys and sells alternating in runs, prices wandering. */
function fill(bar: number): ChartMarker {
  return {
    orderId: `o${bar}`,
    time: bar,
    price: 100 + ((bar * 37) % 23),
    amount: Math.floor(bar / 3) % 2 ? -1 : 1,
    role: "entry",
    exit: false,
    commission: 0,
    basePrice: null,
  };
}

/** What a frame draws when it places and merges every marker in view again (as before PlacedMarkers). */
function placedAfresh(markers: ChartMarker[], idx: Int32Array, range: { from: number; to: number }, step: number) {
  const placed = markers
    .map((m, i) => ({ x: idx[i]! * step, y: 500 - m.price, m }))
    .filter((_, i) => idx[i]! >= range.from - 1 && idx[i]! <= range.to + 1);
  const mode = markerMode(placed.length, 600);
  return { mode, clusters: clusterMarkers(placed, mode === "arrows" ? 12 : 0) };
}

const summary = (clusters: ReadonlyArray<{ x: number; y: number; items: ChartMarker[] }>) =>
  clusters.map((c) => [c.x, c.y, c.items.map((m) => m.orderId).join(",")]);

describe("fill markers placed once per view", () => {
  it("a streaming run's frames draw what placing every marker again draws, placing only the new ones", () => {
    const all = Array.from({ length: 3000 }, (_, i) => fill(i * 3));
    const idx = Int32Array.from(all, (m) => m.time);
    const placed = new PlacedMarkers();
    let range = { from: 0, to: 9000 };
    let step = 600 / 9000;
    let asked = 0;
    for (let n = 1, k = 0; n <= all.length; n += 1 + ((n * 7) % 97), k++) {
      // Halfway the user zooms in: the markers are placed again for the new view.
      if (k === 40) [range, step] = [{ from: 2000, to: 2600 }, 1];
      const markers = all.slice(0, n);
      const before = asked;
      const x = (i: number) => (asked++, i * step);
      const got = placed.place(markers, idx, range, x, (p) => 500 - p, 600);
      const want = placedAfresh(markers, idx, range, step);
      expect(placed.mode).toBe(want.mode);
      expect(summary(got)).toEqual(summary(want.clusters));
      // Within one view, a frame places the markers that came since the last one (and two reference points).
      if (k > 41) expect(asked - before).toBeLessThanOrEqual(2 + 1 + ((n * 7) % 97) + 1);
    }
  });

  it("markers replaced or moved to other candles are placed again", () => {
    const markers = Array.from({ length: 50 }, (_, i) => fill(i));
    const idx = Int32Array.from(markers, (m) => m.time);
    const placed = new PlacedMarkers();
    const range = { from: 0, to: 100 };
    const draw = (ms: ChartMarker[]) =>
      placed.place(
        ms,
        idx,
        range,
        (i) => i * 6,
        (p) => 500 - p,
        600,
      );
    draw(markers);
    // The last ten are other fills now, on other bars.
    const next = [...markers.slice(0, 40), ...Array.from({ length: 10 }, (_, i) => fill(60 + i))];
    idx.set(
      Int32Array.from(next.slice(40), (m) => m.time),
      40,
    );
    placed.changedFrom(40);
    const got = draw(next);
    expect(summary(got)).toEqual(summary(placedAfresh(next, idx, range, 6).clusters));
  });
});
