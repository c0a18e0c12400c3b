/** Take item `i` out of `list`, keeping the order of the rest (no array made, as `splice` returns one). */
export function removeAt<T>(list: T[], i: number): void {
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j]!;
  list.length--;
}

/** Take `x` out of `list` (its first place), keeping the order of the rest; nothing when absent. */
export function removeFrom<T>(list: T[], x: T): void {
  const i = list.indexOf(x);
  if (i >= 0) removeAt(list, i);
}
