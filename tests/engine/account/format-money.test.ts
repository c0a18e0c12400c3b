import { describe, expect, it } from "vitest";
import { formatMoney } from "../../../src/engine/account/format-money";

describe("money", () => {
  it("has thousands separators and two decimals; nothing to show is a dash", () => {
    expect(formatMoney(93210.5)).toBe("93,210.50");
    expect(formatMoney(-1234)).toBe("-1,234.00");
    expect(formatMoney(0.004)).toBe("0.00");
    expect(formatMoney(1_000_000)).toBe("1,000,000.00");
    expect([null, undefined, NaN, Infinity].map(formatMoney)).toEqual(["—", "—", "—", "—"]);
  });
});
