/**
 * Reading a value user code threw, whatever its shape: an Error, a string, `Object.create(null)`,
 * a Proxy, an error whose `message` or `stack` getter throws, a circular object. Nothing here
 * may throw, and no message quotes more than a short excerpt.
 */

/** The longest excerpt of a thrown value an error message quotes. */
export const MAX_EXCERPT = 200;

export function excerpt(text: string, max = MAX_EXCERPT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** What to show for a thrown value: `Name: message` for errors, `threw …` for anything else. */
export function messageOf(e: unknown): string {
  try {
    if (e instanceof Error) {
      const name = safeString(() => e.name);
      const message = safeString(() => e.message);
      return excerpt(name && name !== "Error" ? `${name}: ${message}` : message || name || "Error");
    }
    return `threw ${describe(e)}`;
  } catch {
    return "threw a value that cannot be read";
  }
}

/** The user's line and column from an error's stack: the first frame in their file. */
export function locate(e: unknown, fileName: string, lineOffset = 0): { line?: number; column?: number } {
  const stack = stackOf(e);
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return {};
  return { line: Number(m[1]) - lineOffset, column: Number(m[2]) };
}

function stackOf(e: unknown): string {
  try {
    if (e === null || (typeof e !== "object" && typeof e !== "function")) return "";
    const s = (e as { stack?: unknown }).stack;
    return typeof s === "string" ? s : "";
  } catch {
    return "";
  }
}

function safeString(read: () => unknown): string {
  try {
    const v = read();
    return typeof v === "string" ? v : v === undefined ? "" : describe(v);
  } catch {
    return "";
  }
}

function describe(v: unknown): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(excerpt(v));
    case "number":
    case "boolean":
    case "bigint":
    case "undefined":
    case "symbol":
      return excerpt(String(v));
    case "function":
      return "a function";
    default:
      return v === null ? "null" : describeObject(v as object);
  }
}

function describeObject(o: object): string {
  try {
    const json = JSON.stringify(o);
    if (json !== undefined) return `an object ${excerpt(json)}`;
  } catch {
    // Circular, a throwing getter or toJSON, a BigInt inside: fall through.
  }
  return "an object that cannot be printed";
}
