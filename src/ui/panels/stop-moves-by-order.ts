import type { StopMovedEvent } from "../../store/run-results";

/**
 * A run's trailing-stop moves by order, read as the run streams: each call takes only the
 * moves that came since the last. The blotter's rows carry an order's state as of its last
 * status change, and a trailing stop ratchets without one, so an open trail read
 * "trail 3.00% @ 239.50" (where it started) while the chart drew it at 253.83.
 */
export class StopMovesByOrder {
  readonly #byOrder = new Map<string, StopMovedEvent[]>();
  #seen = 0;
  #first: StopMovedEvent | undefined;

  /** Takes in the run's moves so far (the same run's list grows; any other list starts over). */
  update(moves: readonly StopMovedEvent[]): this {
    if (moves.length < this.#seen || (this.#seen > 0 && moves[0] !== this.#first)) {
      this.#byOrder.clear();
      this.#seen = 0;
    }
    this.#first = moves[0];
    for (let i = this.#seen; i < moves.length; i++) {
      const m = moves[i]!;
      let list = this.#byOrder.get(m.orderId);
      if (!list) this.#byOrder.set(m.orderId, (list = []));
      list.push(m);
    }
    this.#seen = moves.length;
    return this;
  }

  /** Order `id`'s moves, oldest first (none for an order that is not a trailing stop). */
  of(id: string): readonly StopMovedEvent[] {
    return this.#byOrder.get(id) ?? [];
  }

  /** Where order `id`'s stop stands after its last move, or null if it never moved. */
  latest(id: string): number | null {
    const list = this.#byOrder.get(id);
    return list && list.length > 0 ? list[list.length - 1]!.stop : null;
  }
}
