/**
 * Whole shares, as zipline's round_order: a count within 0.0001 of a whole number is that number
 * (float dust: 0.57 × 100,000 / 100 is 569.9999999999999, and means 570), anything else is
 * truncated towards zero.
 */
export function wholeShares(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= 1e-4 ? nearest : Math.trunc(x);
}
