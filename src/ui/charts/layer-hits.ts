/** What the order layer's last frame drew, and finding what the pointer is over in it. */
import type { ChartLevel, ChartMarker } from "./order-levels";

/** A bar on which both legs of a live pair could fill (results `ambiguous`). */
export interface AmbiguousFlag {
  time: number;
  orderIds: readonly string[];
}

/** What the pointer is over: a marker (or a cluster of them), a level, or an ambiguous-bar flag. */
export type LayerHit =
  | { type: "marker"; markers: ChartMarker[] }
  | { type: "level"; level: ChartLevel }
  | { type: "ambiguous"; flag: AmbiguousFlag };

/** Where a frame drew each marker cluster, level segment and flag, CSS px in the pane. */
export interface Drawn {
  markers: Array<{ x: number; y: number; items: ChartMarker[] }>;
  segments: Array<{ x1: number; x2: number; y: number; level: ChartLevel }>;
  flags: Array<{ x: number; y: number; flag: AmbiguousFlag }>;
}

/** Where the last frame drew `orderId`'s marker (else a point on its level), CSS px in the pane. */
export function pointIn(drawn: Drawn, orderId: string): { x: number; y: number } | null {
  const m = drawn.markers.find((d) => d.items.length === 1 && d.items[0]!.orderId === orderId);
  if (m) return { x: m.x, y: m.y };
  const s = drawn.segments.find((d) => d.level.orderId === orderId && Math.abs(d.x2 - d.x1) >= 2);
  return s ? { x: (s.x1 + s.x2) / 2, y: s.y } : null;
}

/** What is under the pointer (CSS px in the pane) in what was drawn, if anything. */
export function hitIn(drawn: Drawn, px: number, py: number): LayerHit | null {
  let best: LayerHit | null = null;
  let bestD = 9;
  for (const m of drawn.markers) {
    const d = Math.hypot(m.x - px, m.y - py);
    if (d < bestD) {
      bestD = d;
      best = { type: "marker", markers: m.items };
    }
  }
  if (best) return best;
  for (const f of drawn.flags) {
    if (Math.hypot(f.x - px, f.y - py) < 8) return { type: "ambiguous", flag: f.flag };
  }
  bestD = 5;
  for (const s of drawn.segments) {
    if (px < Math.min(s.x1, s.x2) - 3 || px > Math.max(s.x1, s.x2) + 3) continue;
    const d = Math.abs(s.y - py);
    if (d < bestD) {
      bestD = d;
      best = { type: "level", level: s.level };
    }
  }
  return best;
}
