/** How much of an offending input an error message quotes. */
export const EXCERPT_CHARS = 40;

/**
 * At most `max` characters of `text` for an error message, with how long it really was:
 * a 50 MB cell or string is never echoed whole.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * A user value described for an error message, whatever it is: never throws (a Symbol, an
 * object without a prototype, a Proxy or a throwing getter) and never quotes more than an
 * excerpt. Strings are quoted; objects are named by their kind, not printed.
 */
export function describeValue(x: unknown): string {
  switch (typeof x) {
    case "string":
      return `the string "${excerpt(x)}"`;
    case "number":
    case "boolean":
      return excerpt(String(x));
    case "bigint":
      // "got 1n", not "got 1": the number 1 would have been fine.
      return `the BigInt ${excerpt(String(x))}n`;
    case "undefined":
      return "undefined";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      if (x === null) return "null";
      try {
        if (Array.isArray(x)) return "an array";
        if (x instanceof Date) return "a Date";
      } catch {
        // a revoked Proxy: fall through
      }
      return "an object";
  }
}
