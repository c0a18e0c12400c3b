/**
 * How fill markers stay readable at any zoom: with room for it each says what it was and at
 * what price ("TP S 10 @ 105.00"); when crowded only what it was ("TP", "B"); when very
 * crowded, arrows without text, and arrows closer than a few pixels merge into one with a count.
 */
export type MarkerMode = "full" | "short" | "arrows";

/** Horizontal room a marker needs on average, in px, to carry its full label / its short label
 * (labels that would still overlap are left out one by one). */
export const FULL_LABEL_PX = 64;
export const SHORT_LABEL_PX = 20;

export function markerMode(inView: number, widthPx: number): MarkerMode {
  if (inView * FULL_LABEL_PX <= widthPx) return "full";
  if (inView * SHORT_LABEL_PX <= widthPx) return "short";
  return "arrows";
}

export interface Placed<T> {
  x: number;
  y: number;
  m: T & { amount: number };
}

export interface Cluster<T> {
  x: number;
  y: number;
  items: T[];
}

/**
 * Merges markers of the same side (buy / sell) within `gapPx` of a cluster's first marker
 * into that cluster (input in x order). A buy cluster sits at its lowest price, a sell
 * cluster at its highest, so its arrow still points at the extreme of what it holds.
 * `gapPx` 0 keeps every marker on its own.
 */
export function clusterMarkers<T>(
  placed: ReadonlyArray<Placed<T>>,
  gapPx: number,
): Array<Cluster<T & { amount: number }>> {
  const clusters = new MarkerClusters<T & { amount: number }>(gapPx);
  for (const p of placed) clusters.add(p.x, p.y, p.m);
  return clusters.out;
}

/**
 * clusterMarkers a marker at a time (in x order): the clusters of one frame can be kept and given
 * only the markers that came since (PlacedMarkers).
 */
export class MarkerClusters<T extends { amount: number }> {
  readonly out: Array<Cluster<T>> = [];
  private buy: Cluster<T> | null = null;
  private sell: Cluster<T> | null = null;

  constructor(readonly gapPx: number) {}

  add(x: number, y: number, m: T): void {
    const buy = m.amount > 0;
    const c = buy ? this.buy : this.sell;
    if (this.gapPx > 0 && c && x - c.x <= this.gapPx) {
      c.items.push(m);
      c.y = buy ? Math.max(c.y, y) : Math.min(c.y, y);
      return;
    }
    const next = { x, y, items: [m] };
    if (buy) this.buy = next;
    else this.sell = next;
    this.out.push(next);
  }
}
