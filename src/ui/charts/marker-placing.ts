import { MarkerClusters, markerMode, type Cluster, type MarkerMode } from "./marker-thinning";
import type { ChartMarker } from "./order-levels";
import type { ToPixel } from "./pane-coordinates";

/** The chart's logical range drawn (OrderLayer's frame). */
interface LogicalRange {
  from: number;
  to: number;
}

/**
 * The fill markers in view, placed on the pane and merged (marker-thinning.ts), kept from one
 * frame to the next: while a run streams into the same view (the same range, bar spacing and
 * price scale) its markers only grow, so a frame places and merges only those that came since the
 * last (a paint of 7,700 markers placed and merged every one of them again: most of the price
 * chart's paint). Anything else places them all again: another view, other candles (`changedFrom(0)`),
 * markers replaced (`changedFrom(i)`), or a count in view that changes how they are drawn.
 */
export class PlacedMarkers {
  /** How they are drawn now (markerMode of the count placed). */
  mode: MarkerMode = "full";
  /** x and y of marker i (NaN where the chart could not place it), for those in [from, to). */
  private x = new Float64Array(0);
  private y = new Float64Array(0);
  private from = 0;
  private to = 0;
  /** Markers in [from, to) with a place. */
  private count = 0;
  /** Markers before this one are the ones placed (see changedFrom). */
  private valid = 0;
  /** The frame's geometry the places hold for. */
  private key: Array<number | null> = [];
  private clusters: MarkerClusters<ChartMarker> | null = null;

  /** Markers from `i` on are other markers (or stand on other candles) than those placed. */
  changedFrom(i: number): void {
    this.valid = Math.min(this.valid, i);
  }

  /**
   * The clusters to draw of `markers` (ascending logical index `idx`) in `range`, `x` and `y` being
   * this frame's places on a pane `width` px wide.
   */
  place(
    markers: readonly ChartMarker[],
    idx: Int32Array,
    range: LogicalRange,
    x: ToPixel,
    y: ToPixel,
    width: number,
  ): ReadonlyArray<Cluster<ChartMarker>> {
    let lo = 0;
    while (lo < markers.length && idx[lo]! < range.from - 1) lo++;
    let hi = lo;
    while (hi < markers.length && idx[hi]! <= range.to + 1) hi++;
    // Two points of each axis say where everything else goes (pane-coordinates.ts).
    const key = [range.from, range.to, width, x(0), x(1), y(1), y(2)];
    const same = key.every((k, i) => k === this.key[i]) && lo === this.from && hi >= this.to;
    if (!same || this.valid < this.to) this.restart(lo);
    if (this.x.length < hi) this.grow(hi);
    this.key = key;
    this.valid = markers.length;
    const start = this.to;
    for (let i = start; i < hi; i++) {
      const px = x(idx[i]!);
      const py = y(markers[i]!.price);
      this.x[i] = px ?? NaN;
      this.y[i] = py ?? NaN;
      if (px !== null && py !== null) this.count++;
    }
    this.to = hi;
    const mode = markerMode(this.count, width);
    if (!this.clusters || mode !== this.mode) {
      this.mode = mode;
      this.clusters = new MarkerClusters(mode === "arrows" ? 12 : 0);
      this.merge(markers, lo, hi);
    } else this.merge(markers, start, hi);
    return this.clusters.out;
  }

  /** Room for `n` markers' places, those placed kept. */
  private grow(n: number): void {
    const x = new Float64Array(Math.max(n, 2 * this.x.length));
    const y = new Float64Array(x.length);
    x.set(this.x);
    y.set(this.y);
    this.x = x;
    this.y = y;
  }

  /** Nothing placed: from `lo` on. */
  private restart(lo: number): void {
    this.from = this.to = lo;
    this.count = 0;
    this.clusters = null;
  }

  private merge(markers: readonly ChartMarker[], a: number, b: number): void {
    const clusters = this.clusters!;
    for (let i = a; i < b; i++) {
      const px = this.x[i]!;
      const py = this.y[i]!;
      if (!Number.isNaN(px) && !Number.isNaN(py)) clusters.add(px, py, markers[i]!);
    }
  }
}
