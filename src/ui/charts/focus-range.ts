/** Bars of room kept past the first and last bar, so neither candle sits on the pane's edge. */
const EDGE_ROOM = 2;

/**
 * The bars to show around bar `i` (of `bars`) when a click asks for it (a blotter row, a log
 * line, an error's bar): `half` bars each side, the window slid inwards at either end of the
 * data. Centred blindly, the first order of a run showed an empty left half of the chart, the
 * last an empty right half.
 */
export function focusRange(i: number, half: number, bars: number): { from: number; to: number } {
  const span = 2 * half;
  let from = i - half;
  from = Math.min(from, bars - 1 + EDGE_ROOM - span);
  from = Math.max(from, -EDGE_ROOM);
  return { from, to: from + span };
}
