import type { OrderTable } from "../../store/run-results";

/** An order with the orders it is tied to: its bracket parent and siblings, its children, its OCO pair. */
export function relatedOrders(orders: OrderTable, id: string): Set<string> {
  const o = orders.get(id)?.order;
  const out = new Set([id]);
  if (!o) return out;
  const root = o.parentId ?? o.id;
  out.add(root);
  for (const row of orders.values()) {
    const r = row.order;
    if (r.parentId === root || (o.ocoId !== null && r.ocoId === o.ocoId)) out.add(r.id);
  }
  return out;
}
