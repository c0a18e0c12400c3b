/**
 * The path a bar's price is assumed to take. Positions along it ("tau") run from 0
 * (the first point) to n − 1 (the last), moving continuously between points, so
 * two orders on the same bar can be ordered by when the price reached them.
 */
export class PricePath {
  n = 0;
  /** The points, for writing (a plain array: a typed array's stores are slow under SES, store-view.ts). */
  readonly p: number[] = [0, 0, 0, 0];

  priceAt(tau: number): number {
    const k = Math.min(Math.floor(tau), this.n - 1);
    if (k >= this.n - 1) return this.p[this.n - 1]!;
    const a = this.p[k]!;
    return a + (this.p[k + 1]! - a) * (tau - k);
  }

  /**
   * First position at or after `fromTau` where the price is at or below (`dir` −1) or at or
   * above (`dir` +1) `level`. Touching counts (≤ and ≥, not < and >). Returns −1 when the
   * path never gets there. `hit.price` is the price at that point: the price at `fromTau`
   * when it is already through the level (a gap), else exactly the level.
   */
  touch(dir: 1 | -1, level: number, fromTau: number, hit: PathHit): number {
    const start = this.priceAt(fromTau);
    if (dir < 0 ? start <= level : start >= level) {
      hit.tau = fromTau;
      hit.price = start;
      return fromTau;
    }
    let a = start;
    let at = fromTau;
    for (let k = Math.floor(fromTau); k < this.n - 1; k++) {
      const b = this.p[k + 1]!;
      if (dir < 0 ? b <= level : b >= level) {
        // The price moves continuously from a to b, so it crosses the level exactly.
        hit.tau = at + ((k + 1 - at) * (a - level)) / (a - b);
        hit.price = level;
        return hit.tau;
      }
      a = b;
      at = k + 1;
    }
    return -1;
  }
}

export interface PathHit {
  tau: number;
  price: number;
}

/**
 * Whether a pair whose legs reach the path at `tauA` and `tauB`, both working from `from`, makes
 * the bar ambiguous (docs/fill-rules.md). Not when one leg alone fills at `from`: that point is
 * data, not an assumed path (the open, or the price a bracket's entry filled at), so a bar that
 * opens through the take-profit filled it there, and no same-bar policy may put the stop first.
 */
export function ambiguousPair(tauA: number, tauB: number, from: number): boolean {
  return Math.min(tauA, tauB) !== from || tauA === tauB;
}
