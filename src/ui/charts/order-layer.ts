import type {
  AutoscaleInfo,
  IChartApi,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesApi,
  ISeriesPrimitive,
  Logical,
  PrimitiveHoveredItem,
  SeriesAttachedParameter,
  SeriesType,
  Time,
} from "lightweight-charts";
import { barIndexAt } from "./chart-data";
import { candleOf, type CandleWindow } from "./candle-window";
import type { MarkerMode } from "./marker-thinning";
import { PlacedMarkers } from "./marker-placing";
import type { ChartLevel, ChartMarker } from "./order-levels";
import { labelCenter, levelColor, markerColor, markerText } from "./order-style";
import { barToX, priceToY } from "./pane-coordinates";
import { formatPrice } from "../panels/format";
import { hitIn, pointIn, type AmbiguousFlag, type Drawn, type LayerHit } from "./layer-hits";

export type { AmbiguousFlag, LayerHit } from "./layer-hits";

type Target = Parameters<IPrimitivePaneRenderer["draw"]>[0];

interface LevelGeom {
  level: ChartLevel;
  /** Bar index of each point. */
  bar: Int32Array;
  /** The chart's logical index of each point: the candle that holds its bar. */
  idx: Int32Array;
}

interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

interface LevelLabel {
  text: string;
  x: number;
  y: number;
  color: string;
  alpha: number;
}

function overlapsAny(boxes: readonly Box[], b: Box): boolean {
  return boxes.some((o) => o.x1 < b.x2 && b.x1 < o.x2 && o.y1 < b.y2 && b.y1 < o.y2);
}

const FONT = "11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/**
 * Draws every working order level, the fill markers and the ambiguous-bar flags over the
 * candles in one canvas pass (thousands of orders would be thousands of series otherwise).
 * Only what is in view is drawn; markers thin out and cluster as the view gets crowded
 * (marker-thinning.ts). Keeps what it drew so the pointer can be matched to it.
 */
export class OrderLayer implements ISeriesPrimitive<Time> {
  /** `crosshairMayShow`: whether a crosshair may be on the chart now (the pointer is over the charts). */
  constructor(private readonly crosshairMayShow: () => boolean = () => true) {}

  private chart: IChartApi | null = null;
  private series: ISeriesApi<SeriesType> | null = null;
  private requestUpdate: () => void = () => {};
  private levels: LevelGeom[] = [];
  private markerBar = new Int32Array(0);
  private markerIdx = new Int32Array(0);
  private markers: ChartMarker[] = [];
  private flags: Array<{ flag: AmbiguousFlag; bar: number; idx: number }> = [];
  private window: CandleWindow | null = null;
  private highlight: ReadonlySet<string> = new Set();
  private drawn: Drawn = { markers: [], segments: [], flags: [] };
  /** The markers placed and merged by the last frame, kept for the next (marker-placing.ts). */
  private readonly placed = new PlacedMarkers();
  /** How the last frame drew its markers, for tests and the legend. */
  get mode(): MarkerMode {
    return this.placed.mode;
  }
  private readonly views: readonly IPrimitivePaneView[] = [{ renderer: () => this.renderer, zOrder: () => "top" }];
  private readonly renderer: IPrimitivePaneRenderer = { draw: (t) => this.draw(t) };

  attached(p: SeriesAttachedParameter<Time>): void {
    this.chart = p.chart as IChartApi;
    this.series = p.series;
    this.requestUpdate = p.requestUpdate;
  }

  detached(): void {
    this.chart = null;
    this.series = null;
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }

  /**
   * The candles the chart holds: everything is placed on the candle that holds its bar (a fill
   * on an aggregated candle sits on that candle; a level spans its first bar's candle to its last's).
   */
  setWindow(win: CandleWindow | null): void {
    const newBars = win?.bars !== this.window?.bars;
    this.window = win;
    // Other bars: what is drawn is placed on them afresh, by time.
    if (newBars) {
      const markers = this.markers;
      this.markers = [];
      this.setData(
        this.levels.map((g) => g.level),
        markers,
        this.flags.map((f) => f.flag),
      );
    } else this.placeOnCandles();
    this.requestUpdate();
  }

  setData(levels: readonly ChartLevel[], markers: readonly ChartMarker[], flags: readonly AmbiguousFlag[]): void {
    const times = this.window?.bars.time ?? new Float64Array(0);
    const at = (t: number) => (times.length > 0 ? barIndexAt(times, t) : 0);
    this.levels = levels.map((level) => {
      const bar = Int32Array.from(level.points, ([t]) => at(t));
      return { level, bar, idx: bar };
    });
    // A streaming run only adds markers: those held already keep their places, the new ones are placed.
    const kept = this.heldBefore(markers);
    const bar = new Int32Array(markers.length);
    bar.set(this.markerBar.subarray(0, kept));
    for (let i = kept; i < markers.length; i++) bar[i] = at(markers[i]!.time);
    const idx = new Int32Array(markers.length);
    idx.set(this.markerIdx.subarray(0, kept));
    this.markers = markers.slice();
    this.markerBar = bar;
    this.markerIdx = idx;
    this.flags = flags.map((flag) => ({ flag, bar: at(flag.time), idx: 0 }));
    this.placeOnCandles(kept);
    this.repaintLayer();
  }

  /** New data repaints the top canvas alone, not every candle twice (docs/chart.md, "What a redraw repaints"). */
  private repaintLayer(): void {
    if (this.chart && !this.crosshairMayShow()) this.chart.clearCrosshairPosition();
    else this.requestUpdate();
  }

  /** How many of `markers`, from the first, are the markers held now (the same objects). */
  private heldBefore(markers: readonly ChartMarker[]): number {
    const held = this.markers;
    if (markers.length < held.length) return 0;
    for (let i = 0; i < held.length; i++) if (markers[i] !== held[i]) return 0;
    return held.length;
  }

  /** Places what is drawn on the candles held; markers before `keptMarkers` stand where they were placed. */
  private placeOnCandles(keptMarkers = 0): void {
    const win = this.window;
    const place = (i: number) => (win ? candleOf(win, i) : i);
    for (const g of this.levels) g.idx = g.bar.map(place);
    for (let i = keptMarkers; i < this.markerBar.length; i++) this.markerIdx[i] = place(this.markerBar[i]!);
    this.placed.changedFrom(keptMarkers);
    for (const f of this.flags) f.idx = place(f.bar);
  }

  /** The highlight is the picked order and its family (bracket parent and legs, OCO pair); a whole repaint, which autoscales again. */
  setHighlight(ids: ReadonlySet<string>): void {
    this.highlight = ids;
    this.requestUpdate();
  }

  /**
   * The price range the chart autoscales to takes in the picked orders' levels where they are in
   * view (the library merges it with the candles'): an order picked in the blotter or on the chart
   * shows its stop-loss and take-profit even when they lie beyond every candle's high and low.
   * Other levels do not stretch the range, or one far limit would flatten every candle.
   */
  autoscaleInfo(from: Logical, to: Logical): AutoscaleInfo | null {
    if (this.highlight.size === 0) return null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const { level, idx } of this.levels) {
      if (!this.highlight.has(level.orderId)) continue;
      // Point k holds from its candle to the next point's (the last, on its own candle).
      for (let k = 0; k < idx.length; k++) {
        if (idx[k]! > to || (idx[k + 1] ?? idx[k]!) < from) continue;
        const price = level.points[k]![1];
        if (price < lo) lo = price;
        if (price > hi) hi = price;
      }
    }
    return lo <= hi ? { priceRange: { minValue: lo, maxValue: hi } } : null;
  }

  private draw(target: Target): void {
    const chart = this.chart;
    const series = this.series;
    const drawn: Drawn = { markers: [], segments: [], flags: [] };
    this.drawn = drawn;
    if (!chart || !series) return;
    const ts = chart.timeScale();
    const range = ts.getVisibleLogicalRange();
    if (!range) return;
    const spacing = ts.options().barSpacing;
    const x = barToX(ts);
    const y = priceToY(series);
    target.useMediaCoordinateSpace(({ context: ctx, mediaSize }) => {
      ctx.save();
      ctx.font = FONT;
      ctx.textBaseline = "middle";
      const visible = this.levels.filter(
        ({ idx }) => idx[idx.length - 1]! >= range.from - 1 && idx[0]! <= range.to + 1,
      );
      const labelLevels = visible.length <= 40;
      // Highlighted levels last, so they sit on top.
      visible.sort((a, b) => Number(this.highlight.has(a.level.orderId)) - Number(this.highlight.has(b.level.orderId)));
      const labels: LevelLabel[] = [];
      for (const g of visible) this.drawLevel(ctx, g, x, y, spacing, labelLevels, drawn, labels);
      this.drawFlags(ctx, range, x, drawn);
      const taken = this.drawMarkers(ctx, range, x, y, mediaSize.width, drawn);
      // Level labels after the markers', and only where they cover none.
      ctx.textAlign = "left";
      for (const l of labels) {
        const w = ctx.measureText(l.text).width;
        const box = { x1: l.x - 1, x2: l.x + w + 1, y1: l.y - 7, y2: l.y + 7 };
        if (overlapsAny(taken, box)) continue;
        taken.push(box);
        ctx.globalAlpha = l.alpha;
        ctx.fillStyle = l.color;
        ctx.fillText(l.text, l.x, l.y);
      }
      ctx.globalAlpha = 1;
      ctx.restore();
    });
  }

  private drawLevel(
    ctx: CanvasRenderingContext2D,
    g: LevelGeom,
    x: (i: number) => number | null,
    y: (p: number) => number | null,
    spacing: number,
    label: boolean,
    drawn: Drawn,
    labels: LevelLabel[],
  ): void {
    const { level, idx } = g;
    const lit = this.highlight.has(level.orderId);
    const faded = level.outcome === "cancelled" || level.outcome === "expired";
    ctx.strokeStyle = levelColor(level);
    ctx.globalAlpha = faded && !lit ? 0.35 : 1;
    ctx.lineWidth = lit ? 3.5 : 2;
    ctx.setLineDash(level.kind === "stop" ? [6, 4] : []);
    // A level covers its bars whole: from the left edge of its first to the right edge of its last.
    const half = Math.max(2, spacing / 2);
    const n = level.points.length;
    ctx.beginPath();
    let first: { x: number; y: number } | null = null;
    for (let k = 0; k < n; k++) {
      const xa = x(idx[k]!);
      const ya = y(level.points[k]![1]);
      if (xa === null || ya === null) continue;
      // Each point's price holds until the next point: a step line.
      const next = k + 1 < n ? x(idx[k + 1]!) : null;
      const x1 = k === 0 ? xa - half : xa;
      const x2 = k + 1 < n ? (next ?? xa) : xa + half;
      if (k > 0) ctx.lineTo(x1, ya);
      else ctx.moveTo(x1, ya);
      ctx.lineTo(x2, ya);
      drawn.segments.push({ x1, x2, y: ya, level });
      first ??= { x: x1, y: ya };
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    if ((label || lit) && first) {
      labels.push({
        text: `${level.role} ${formatPrice(level.points[0]![1], this.window?.bars.tickSize)}`,
        x: first.x + 2,
        y: first.y - 8,
        color: levelColor(level),
        alpha: faded && !lit ? 0.45 : 1,
      });
    }
  }

  private drawFlags(
    ctx: CanvasRenderingContext2D,
    range: { from: number; to: number },
    x: (i: number) => number | null,
    drawn: Drawn,
  ): void {
    ctx.fillStyle = "#ffca28";
    ctx.strokeStyle = "#8d6e00";
    ctx.lineWidth = 1;
    for (const { flag, idx } of this.flags) {
      if (idx < range.from - 1 || idx > range.to + 1) continue;
      const fx = x(idx);
      if (fx === null) continue;
      const fy = 9;
      ctx.beginPath();
      ctx.moveTo(fx, fy - 5);
      ctx.lineTo(fx + 5, fy);
      ctx.lineTo(fx, fy + 5);
      ctx.lineTo(fx - 5, fy);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      drawn.flags.push({ x: fx, y: fy, flag });
    }
  }

  private drawMarkers(
    ctx: CanvasRenderingContext2D,
    range: { from: number; to: number },
    x: (i: number) => number | null,
    y: (p: number) => number | null,
    width: number,
    drawn: Drawn,
  ): Box[] {
    const clusters = this.placed.place(this.markers, this.markerIdx, range, x, y, width);
    const mode = this.placed.mode;
    // Labels that would overlap one already drawn on the same side are left out.
    const taken: Box[] = [];
    for (const c of clusters) {
      const m = c.items[0]!;
      const buy = m.amount > 0;
      const lit = this.highlight.size > 0 && c.items.some((it) => this.highlight.has(it.orderId));
      const color = markerColor(m);
      const size = mode === "arrows" ? 4 : 5.5;
      const dir = buy ? 1 : -1;
      // The arrow's tip touches the fill price: below it for a buy, above it for a sell.
      const tipY = c.y + dir * 1;
      ctx.beginPath();
      ctx.moveTo(c.x, tipY);
      ctx.lineTo(c.x - size, tipY + dir * size * 1.6);
      ctx.lineTo(c.x + size, tipY + dir * size * 1.6);
      ctx.closePath();
      ctx.fillStyle = color;
      ctx.fill();
      if (m.exit || lit) {
        ctx.lineWidth = lit ? 2 : 1;
        ctx.strokeStyle = lit ? "#ffffff" : "rgba(0,0,0,0.6)";
        ctx.stroke();
      }
      drawn.markers.push({ x: c.x, y: c.y + dir * size, items: c.items });
      const text = c.items.length > 1 ? String(c.items.length) : markerText(m, mode, this.window?.bars.tickSize);
      if (!text) continue;
      const w = ctx.measureText(text).width;
      const ty = tipY + dir * (size * 1.6 + 8);
      const tx = labelCenter(c.x, w, width);
      const box = { x1: tx - w / 2 - 2, x2: tx + w / 2 + 2, y1: ty - 7, y2: ty + 7 };
      if (overlapsAny(taken, box)) continue;
      taken.push(box);
      ctx.textAlign = "center";
      ctx.fillStyle = color;
      ctx.fillText(text, tx, ty);
    }
    return taken;
  }

  /** Where the last frame drew `orderId`'s marker (else a point on its level), CSS px in the pane. */
  pointOf(orderId: string): { x: number; y: number } | null {
    return pointIn(this.drawn, orderId);
  }

  /** What is under the pointer (CSS px in the pane), if anything. */
  hitAt(px: number, py: number): LayerHit | null {
    return hitIn(this.drawn, px, py);
  }

  hitTest(px: number, py: number): PrimitiveHoveredItem | null {
    const hit = this.hitAt(px, py);
    if (!hit) return null;
    const id = hit.type === "marker" ? hit.markers[0]!.orderId : hit.type === "level" ? hit.level.orderId : "ambiguous";
    return { externalId: `${hit.type}:${id}`, zOrder: "top", cursorStyle: "pointer" };
  }
}
