/**
 * Characters that do not print as themselves: C0 and C1 controls and DEL, line and paragraph
 * separators, bidirectional overrides and isolates. Text a stranger wrote (a symbol, a log line, a
 * share link's name) can use them to hide, reverse or overwrite what is shown around it. One
 * pattern for every place that refuses, removes or escapes them; `g` for `replace`, and
 * `text.search(INVISIBLE_CHARS)` (which ignores `lastIndex`) to find the first.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
export const INVISIBLE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Characters that print as nothing at all: the soft hyphen, zero-width spaces, joiners and
 * direction marks, the word joiner and the byte-order mark (found inside a file where two files
 * were joined). JavaScript's `trim()` removes the byte-order mark, so a message that trims a cell
 * would quote "2020-01-06" as the date that is not a date.
 */
const ZERO_WIDTH = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** `text` with every character above and every one of INVISIBLE_CHARS written as an escape (`\uFEFF`), for a message that quotes it. */
export function withHiddenShown(text: string): string {
  const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return text.replace(INVISIBLE_CHARS, escape).replace(ZERO_WIDTH, escape);
}
