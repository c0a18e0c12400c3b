// Lists the engine empties and fills again all run long (each symbol's live orders, the matcher's
// candidates) shrink with `pop()`, never by setting `length`: V8 gives up an array's storage when
// its length is set to 0, so the next push allocated a new one (a few hundred ns and 150 bytes each
// time a list went from one order to none), where `pop()` keeps it.

/** Take item `i` out of `list`, keeping the order of the rest (no array made, as `splice` returns one). */
export function removeAt<T>(list: T[], i: number): void {
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j]!;
  list.pop();
}

/** Take `x` out of `list` (its first place), keeping the order of the rest; nothing when absent. */
export function removeFrom<T>(list: T[], x: T): void {
  const i = list.indexOf(x);
  if (i >= 0) removeAt(list, i);
}

/** Shorten `list` to its first `n` items, keeping its storage. */
export function truncate<T>(list: T[], n: number): void {
  while (list.length > n) list.pop();
}
