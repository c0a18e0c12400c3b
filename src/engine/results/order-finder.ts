import type { Order } from "../orders/order";

/**
 * Finds the orders of a finished run by id for the results (a fill's label, a trade's exit
 * reason: one look-up per fill): ids are `o<n>` in placement order, so the order is usually
 * `list[n − 1]`, read without making a string; any other id (or a hole in the list) asks the table.
 */
export function orderFinder(
  list: readonly Order[],
  table: { get(id: string): Order | undefined },
): (id: string) => Order | undefined {
  return (id) => {
    const n = idNumber(id);
    const o = n > 0 ? list[n - 1] : undefined;
    return o !== undefined && o.id === id ? o : table.get(id);
  };
}

/** n of an id `o<n>` (at most 9 digits), else 0. */
function idNumber(id: string): number {
  const len = id.length;
  if (len < 2 || len > 10 || id.charCodeAt(0) !== 0x6f) return 0;
  let n = 0;
  for (let i = 1; i < len; i++) {
    const d = id.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}
