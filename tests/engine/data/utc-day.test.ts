import { describe, expect, it } from "vitest";
import { countSessions, DAY_MS, isoDate, utcDay, weekday } from "../../../src/engine/data/utc-day";

const JAN2 = Date.UTC(2020, 0, 2); // a Thursday

describe("UTC days", () => {
  it("a time's day is its UTC date, whatever the hour", () => {
    expect(utcDay(JAN2)).toBe(18263); // 50 years of 365 days + 12 leap days + 1
    expect(utcDay(JAN2 + DAY_MS - 1)).toBe(18263);
    expect(isoDate(JAN2 + 14.5 * 3_600_000)).toBe("2020-01-02");
  });

  it("1970-01-01 was a Thursday and 2020-01-04 a Saturday", () => {
    expect(weekday(0)).toBe(4);
    expect(weekday(utcDay(JAN2) + 2)).toBe(6);
    expect(weekday(-1)).toBe(3);
  });

  it("sessions count the distinct days of a timeline: three minute bars on two days are two sessions", () => {
    const t = [JAN2 + 14.5 * 3_600_000, JAN2 + 20 * 3_600_000, JAN2 + DAY_MS + 14.5 * 3_600_000];
    expect(countSessions(t)).toBe(2);
    expect(countSessions(t, 2)).toBe(1);
    expect(countSessions([])).toBe(0);
  });
});
