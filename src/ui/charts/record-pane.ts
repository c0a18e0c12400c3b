/** The record() pane takes this share of the price chart's height… */
const RECORD_SHARE = 0.3;
/** …but at least this many pixels, up to half the chart, so its lines and labels stay readable. */
const RECORD_MIN_PX = 120;

/** The record() pane's share of a price chart `height` px tall. */
export function recordPaneShare(height: number): number {
  if (!(height > 0)) return RECORD_SHARE;
  return Math.min(0.5, Math.max(RECORD_SHARE, RECORD_MIN_PX / height));
}
