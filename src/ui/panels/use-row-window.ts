import { useLayoutEffect, useMemo, useState, type RefObject } from "react";
import { firstIndexWhere } from "../../engine/data/sorted-search";

/** A table row's height as tables.css draws it (26px), for rendering only the rows in view. */
export const ROW_HEIGHT = 26;

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Heights of the space above and below the rendered rows, in px. */
  padTop: number;
  padBottom: number;
}

/** Offsets of rows (prefix sums of their heights): offsets[i] is where row i starts. */
export function rowOffsets(count: number, heightOf: (i: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** The rows that intersect [top, top + height], plus `overscan` on each side. Pure. */
export function windowOf(offsets: Float64Array, top: number, height: number, overscan: number): RowWindow {
  const count = offsets.length - 1;
  // First row whose bottom is below `top`.
  const first = firstIndexWhere(count, (i) => offsets[i + 1]! > top);
  let last = first;
  while (last < count && offsets[last]! < top + height) last++;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + overscan);
  return { start, end, padTop: offsets[start]!, padBottom: offsets[count]! - offsets[end]! };
}

/**
 * Renders only the rows in view: a live run may list tens of thousands of orders, and a
 * table that big would make every batch cost the page hundreds of milliseconds.
 */
export function useRowWindow(scroller: RefObject<HTMLElement | null>, offsets: Float64Array, overscan = 10): RowWindow {
  const [view, setView] = useState({ top: 0, height: 800 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () =>
      setView((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
      );
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, [scroller]);
  return useMemo(() => windowOf(offsets, view.top, view.height, overscan), [offsets, view, overscan]);
}
