/** One bar in integer cents, so rounding happens once and the OHLC order holds exactly after it. */
export interface CentsBar {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

const toCents = (price: number): number => Math.max(1, Math.round(price * 100));

/**
 * Rounds a bar to cents and widens high/low where rounding would otherwise put the open
 * or close outside them (the CSV parser rejects such bars, as it should).
 */
export function centsBar(open: number, high: number, low: number, close: number): CentsBar {
  const o = toCents(open);
  const c = toCents(close);
  return {
    open: o,
    close: c,
    high: Math.max(toCents(high), o, c),
    low: Math.min(toCents(low), o, c),
  };
}

/** 12345 -> "123.45": integer arithmetic, so the text never depends on float formatting. */
export function formatCents(cents: number): string {
  const whole = Math.floor(cents / 100);
  const part = cents - whole * 100;
  return `${whole}.${part < 10 ? "0" : ""}${part}`;
}
