import { useMemo, useState } from "react";

export interface SortState<K extends string> {
  key: K | null;
  dir: 1 | -1;
}

/** Rows sorted by one column (stable: equal values keep their order); null key = original order. */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: SortState<K>,
  valueOf: (row: T, key: K) => number | string,
): readonly T[] {
  const key = sort.key;
  if (key === null) return rows;
  const keyed = rows.map((row, i) => ({ row, i, v: valueOf(row, key) }));
  keyed.sort((a, b) => {
    const c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    return c !== 0 ? c * sort.dir : a.i - b.i;
  });
  return keyed.map((k) => k.row);
}

/** Click a header to sort by it, again to reverse, a third time to restore the original order. */
export function useSort<K extends string>(): [SortState<K>, (key: K) => void] {
  const [sort, setSort] = useState<SortState<K>>({ key: null, dir: 1 });
  const toggle = useMemo(
    () => (key: K) =>
      setSort((s) => (s.key !== key ? { key, dir: 1 } : s.dir === 1 ? { key, dir: -1 } : { key: null, dir: 1 })),
    [],
  );
  return [sort, toggle];
}
