import type { SortState } from "./sort-rows";

/** A column header that sorts its table; aria-sort says how. */
export function SortHeader<K extends string>({
  id,
  label,
  sort,
  onSort,
  num,
  title,
}: {
  id: K;
  label: string;
  sort: SortState<K>;
  onSort: (key: K) => void;
  num?: boolean;
  title?: string;
}) {
  const active = sort.key === id;
  return (
    <th
      className={`sortable${num ? " num" : ""}`}
      title={title}
      aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
    >
      <button type="button" data-testid={`sort-${id}`} onClick={() => onSort(id)}>
        {label}
        <span className="sort-mark" aria-hidden>
          {active ? (sort.dir === 1 ? "▲" : "▼") : ""}
        </span>
      </button>
    </th>
  );
}
