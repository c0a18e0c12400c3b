import { describe, expect, it } from "vitest";
import { Logger } from "../../../src/engine/api/logger";

/** What one call of `this.log.info(x)` puts in the Log panel. */
function logged(x: unknown): string {
  const lines: string[] = [];
  new Logger((_, message) => lines.push(message)).info(x);
  return lines[0]!;
}

describe("this.log writes any value as a line and never throws into the strategy", () => {
  it("a string is the line itself", () => expect(logged("bought 10")).toBe("bought 10"));
  it("an object is its JSON", () => expect(logged({ a: 1, b: [2, 3] })).toBe('{"a":1,"b":[2,3]}'));
  it("an Error is its message", () => expect(logged(new Error("boom"))).toBe("boom"));
  it("a BigInt, which JSON refuses, is its digits", () => expect(logged(12n)).toBe("12"));

  it("a cycle in an object without a prototype, which neither JSON nor String can read, is named", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.self = o;
    expect(logged(o)).toBe("an object");
  });

  it("an object whose toJSON and toString both throw is named", () => {
    const hostile = {
      toJSON() {
        throw new Error("no");
      },
      toString() {
        throw new Error("no");
      },
    };
    expect(logged(hostile)).toBe("an object");
  });
});
