/** A tradable instrument. `this.symbol("AAPL")` returns the same object every call. */
export interface Asset {
  readonly symbol: string;
  /** Never set: CSV bars name no exchange. Kept optional, as zipline's Asset has one. */
  readonly exchange?: string;
  readonly tickSize: number;
  /** Index of the symbol in the loaded market data (internal). */
  readonly sid: number;
}
