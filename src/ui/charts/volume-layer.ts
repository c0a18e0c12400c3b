import type {
  IChartApi,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesPrimitive,
  SeriesAttachedParameter,
  Time,
} from "lightweight-charts";
import type { SymbolBars } from "../../engine/data/symbol-bars";

type Target = Parameters<IPrimitivePaneRenderer["draw"]>[0];

export const VOLUME_UP = "rgba(38,166,154,0.35)";
export const VOLUME_DOWN = "rgba(239,83,80,0.35)";
/** Share of the pane's height the volume takes, at its bottom (as the histogram's scale margins). */
const VOLUME_SHARE = 0.2;

/**
 * Volume drawn straight from the symbol's columns, for big data: a histogram series would cost
 * the chart library another object per bar and another pass of its `setData` (docs/data.md).
 * Bars narrower than a pixel are merged per pixel column (the highest volume, in its bar's
 * colour); the scale is the highest volume in view, as the histogram's own autoscale.
 */
export class VolumeLayer implements ISeriesPrimitive<Time> {
  private chart: IChartApi | null = null;
  private requestUpdate: () => void = () => {};
  private bars: SymbolBars | null = null;
  private readonly renderer: IPrimitivePaneRenderer = { draw: (t) => this.draw(t) };
  private readonly views: readonly IPrimitivePaneView[] = [{ renderer: () => this.renderer, zOrder: () => "bottom" }];

  attached(p: SeriesAttachedParameter<Time>): void {
    this.chart = p.chart as IChartApi;
    this.requestUpdate = p.requestUpdate;
  }

  detached(): void {
    this.chart = null;
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }

  /** The bars whose volume it draws; null draws nothing. */
  setBars(bars: SymbolBars | null): void {
    this.bars = bars;
    this.requestUpdate();
  }

  private draw(target: Target): void {
    const bars = this.bars;
    const ts = this.chart?.timeScale();
    const range = ts?.getVisibleLogicalRange();
    if (!bars || !ts || !range || bars.time.length === 0) return;
    const n = bars.time.length;
    const from = Math.max(0, Math.floor(range.from));
    const to = Math.min(n - 1, Math.ceil(range.to));
    const x0 = ts.logicalToCoordinate(from as never);
    if (to < from || x0 === null) return;
    const spacing = ts.options().barSpacing;
    const { volume: v, open: o, close: c } = bars;
    let max = 0;
    for (let i = from; i <= to; i++) if (v[i]! > max) max = v[i]!;
    if (!(max > 0)) return;
    target.useMediaCoordinateSpace(({ context: ctx, mediaSize }) => {
      const h = mediaSize.height * VOLUME_SHARE;
      const bottom = mediaSize.height;
      const width = spacing >= 2 ? Math.max(1, spacing * 0.8) : 1;
      const column = (x: number, i: number) => {
        const bh = (v[i]! / max) * h;
        ctx.fillStyle = c[i]! >= o[i]! ? VOLUME_UP : VOLUME_DOWN;
        ctx.fillRect(x - width / 2, bottom - bh, width, bh);
      };
      if (spacing >= 1) {
        for (let i = from; i <= to; i++) column(x0 + (i - from) * spacing, i);
        return;
      }
      // Several bars per pixel: one column per pixel, the highest volume among its bars.
      let px = Math.round(x0);
      let best = from;
      for (let i = from + 1; i <= to; i++) {
        const x = Math.round(x0 + (i - from) * spacing);
        if (x !== px) {
          column(px, best);
          px = x;
          best = i;
        } else if (v[i]! > v[best]!) best = i;
      }
      column(px, best);
    });
  }
}
