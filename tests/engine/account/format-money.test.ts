import { describe, expect, it } from "vitest";
import { formatMoney } from "../../../src/engine/account/format-money";
import { fixed } from "../../../src/engine/price-text";

describe("money", () => {
  it("has thousands separators and two decimals; nothing to show is a dash", () => {
    expect(formatMoney(93210.5)).toBe("93,210.50");
    expect(formatMoney(-1234)).toBe("-1,234.00");
    expect(formatMoney(0.004)).toBe("0.00");
    expect(formatMoney(1_000_000)).toBe("1,000,000.00");
    expect([null, undefined, NaN, Infinity].map(formatMoney)).toEqual(["—", "—", "—", "—"]);
  });

  it("writes an amount of 10^21 dollars or more in whole digits too (a leveraged run's equity can grow that far)", () => {
    expect(formatMoney(1e21)).toBe("1,000,000,000,000,000,000,000.00");
    expect(formatMoney(-2.5e22)).toBe("-25,000,000,000,000,000,000,000.00");
    expect(formatMoney(1e308)).toMatch(/^100(,000){102}\.00$/); // 309 digits
  });
});

describe("a value that rounds to zero has no sign", () => {
  it("a loss of a tenth of a cent is 0.00, a drawdown of -0.0004 % is 0.0 %", () => {
    expect(formatMoney(-0.001)).toBe("0.00");
    expect(formatMoney(-0.005)).toBe("-0.01");
    expect(fixed(-0.0004, 1)).toBe("0.0");
    expect(fixed(-0.04, 1)).toBe("0.0");
    expect(fixed(-0.05, 1)).toBe("-0.1");
    expect(fixed(-0.2, 0)).toBe("0");
    expect(fixed(-12.34, 1)).toBe("-12.3");
  });
});
