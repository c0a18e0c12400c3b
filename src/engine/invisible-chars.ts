/**
 * Characters that do not print as themselves: C0 and C1 controls and DEL, line and paragraph
 * separators, bidirectional overrides and isolates. Text a stranger wrote (a symbol, a log line, a
 * share link's name) can use them to hide, reverse or overwrite what is shown around it. One
 * pattern for every place that refuses, removes or escapes them; `g` for `replace`, and
 * `text.search(INVISIBLE_CHARS)` (which ignores `lastIndex`) to find the first.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
export const INVISIBLE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
