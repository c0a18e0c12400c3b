import type { OrderRow, OrderTable } from "../../src/store/run-results";

/** Rows by id as the store's table of orders reads them (in the order of the record's keys). */
export function orderTable(rows: Record<string, OrderRow>): OrderTable {
  return {
    size: Object.keys(rows).length,
    get: (id) => rows[id],
    order: (id) => rows[id]?.order,
    symbolOf: (id) => rows[id]?.order.symbol,
    kindOf: (id) => rows[id] && { symbol: rows[id].order.symbol, type: rows[id].order.type, role: rows[id].order.role },
    values: () => Object.values(rows),
  };
}
