import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../src/engine/data/csv/csv-parser";
import type { SymbolBars } from "../../src/engine/data/symbol-bars";
import { easterSunday, isoDate, tradingDays } from "../../scripts/sample-data/calendar";
import { generateSampleData } from "../../scripts/sample-data/generate";
import { Rng } from "../../scripts/sample-data/prng";
import { bigGapCount, correlation, logReturns, pairSignals, thinDaysPerYear } from "../../scripts/sample-data/stats";

const folder = fileURLToPath(new URL("../../sample-data", import.meta.url));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [relative(folder, join(dir, entry.name))],
  );
const load = (name: string): SymbolBars => parseBarsCsv(readFileSync(join(folder, name), "utf8"), name).bars[0];
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe("regenerating the sample data", () => {
  const generated = generateSampleData();

  it("writes exactly the committed files", () => {
    expect(filesUnder(folder).sort()).toEqual([...generated.keys()].sort());
  });

  it.each([...generated.keys()])("reproduces %s byte for byte", (name) => {
    expect(generated.get(name) === readFileSync(join(folder, name), "utf8")).toBe(true);
  });

  it("is the same on a second run in the same process", () => {
    expect(generateSampleData()).toEqual(generated);
  });
});

describe("the trading calendar", () => {
  const days = new Set(tradingDays("2014-01-02", "2024-12-31").map(isoDate));
  const spy = new Set(Array.from(load("SPY.csv").time, dayOf));

  it("has the NYSE's number of trading days in every year", () => {
    const perYear = new Map<string, number>();
    for (const day of days) perYear.set(day.slice(0, 4), (perYear.get(day.slice(0, 4)) ?? 0) + 1);
    expect(Object.fromEntries(perYear)).toEqual({
      "2014": 252,
      "2015": 252,
      "2016": 252,
      "2017": 251,
      "2018": 251,
      "2019": 252,
      "2020": 253,
      "2021": 252,
      "2022": 251,
      "2023": 250,
      "2024": 252,
    });
  });

  it.each([
    ["2016-03-25", "Good Friday"],
    ["2018-12-05", "the national day of mourning for President Bush"],
    ["2022-06-20", "Juneteenth, a Sunday, observed on Monday"],
    ["2021-12-24", "Christmas, a Saturday, observed on Friday"],
    ["2015-07-03", "Independence Day, a Saturday, observed on Friday"],
    ["2023-01-02", "New Year's Day, a Sunday, observed on Monday"],
    ["2024-11-28", "Thanksgiving"],
  ])("is closed on %s (%s)", (date) => {
    expect(days.has(date)).toBe(false);
    expect(spy.has(date)).toBe(false);
  });

  it.each([
    ["2021-12-31", "New Year's Day 2022 fell on a Saturday and is not observed"],
    ["2021-06-18", "Juneteenth is observed only from 2022"],
    ["2024-11-29", "the day after Thanksgiving closes early but trades"],
  ])("is open on %s (%s)", (date) => {
    expect(days.has(date)).toBe(true);
    expect(spy.has(date)).toBe(true);
  });

  it("puts Easter on the right Sunday", () => {
    expect(["2014-04-20", "2019-04-21", "2024-03-31", "2038-04-25"]).toEqual(
      [2014, 2019, 2024, 2038].map((year) => isoDate(easterSunday(year))),
    );
  });

  it("gives every daily symbol every trading day", () => {
    for (const name of ["SPY", "QQQ", "IWM", "TLT", "AAPL", "TSLA", "PEP", "KO"]) {
      expect(Array.from(load(`${name}.csv`).time, dayOf)).toEqual([...days]);
    }
  });
});

describe("properties the gallery's examples rely on", () => {
  const [spy, qqq, iwm, tlt, aapl, tsla, pep, ko] = ["SPY", "QQQ", "IWM", "TLT", "AAPL", "TSLA", "PEP", "KO"].map(
    (symbol) => load(`${symbol}.csv`),
  );
  const returns = (bars: SymbolBars): number[] => logReturns(bars.close);

  it("moves the index ETFs together and TLT weakly against them", () => {
    expect(correlation(returns(spy), returns(qqq))).toBeGreaterThan(0.8);
    expect(correlation(returns(spy), returns(iwm))).toBeGreaterThan(0.8);
    const tltSpy = correlation(returns(spy), returns(tlt));
    expect(tltSpy).toBeGreaterThan(-0.35);
    expect(tltSpy).toBeLessThan(-0.15);
  });

  it("keeps the PEP - KO spread mean-reverting, with a half-life of days, not years", () => {
    const spread = Array.from(pep.close, (p, t) => p - ko.close[t]);
    const lagged = spread.slice(0, -1);
    const change = spread.slice(1).map((s, t) => s - lagged[t]);
    const mean = lagged.reduce((a, b) => a + b, 0) / lagged.length;
    const beta =
      lagged.reduce((sum, s, t) => sum + (s - mean) * change[t], 0) /
      lagged.reduce((sum, s) => sum + (s - mean) ** 2, 0);
    const halfLife = Math.log(2) / -Math.log(1 + beta);
    expect(halfLife).toBeGreaterThan(5);
    expect(halfLife).toBeLessThan(30);
  });

  it("lets the pairs rule (|z| > 2 in, |z| < 0.5 out, 30 days) enter and exit many times", () => {
    const { entries, exits } = pairSignals(pep.close, ko.close);
    expect(entries).toBeGreaterThanOrEqual(40);
    expect(exits).toBeGreaterThanOrEqual(entries - 1);
  });

  it("has at least eight thin AAPL days (2,000 shares or fewer) in every year", () => {
    const perYear = thinDaysPerYear(aapl.volume, Array.from(aapl.time, dayOf));
    for (const count of perYear.values()) expect(count).toBeGreaterThanOrEqual(8);
  });

  it("gaps 3% or more overnight a few times a year, most often in AAPL and TSLA", () => {
    expect(bigGapCount(spy.open, spy.close)).toBeGreaterThanOrEqual(10);
    expect(bigGapCount(aapl.open, aapl.close)).toBeGreaterThanOrEqual(40);
    expect(bigGapCount(tsla.open, tsla.close)).toBeGreaterThanOrEqual(50);
  });
});

describe("the intraday SPY minutes", () => {
  const minutes = load("intraday/SPY.csv");
  const sessions = new Map<string, number[]>();
  minutes.time.forEach((ms, i) => sessions.set(dayOf(ms), [...(sessions.get(dayOf(ms)) ?? []), i]));

  it("have 390 bars from 14:30Z (09:30 New York) per session, 210 on the early close of 2024-11-29", () => {
    expect(sessions.size).toBe(19);
    expect(sessions.has("2024-11-28")).toBe(false);
    for (const [day, rows] of sessions) {
      expect(rows).toHaveLength(day === "2024-11-29" ? 210 : 390);
      expect(new Date(minutes.time[rows[0]]).toISOString()).toBe(`${day}T14:30:00.000Z`);
    }
  });

  it("add up to the daily SPY bar of the same date", () => {
    const daily = load("SPY.csv");
    for (const [day, rows] of sessions) {
      const t = Array.from(daily.time, dayOf).indexOf(day);
      const first = rows[0];
      const last = rows[rows.length - 1];
      expect(minutes.open[first]).toBe(daily.open[t]);
      expect(minutes.close[last]).toBe(daily.close[t]);
      expect(Math.max(...rows.map((i) => minutes.high[i]))).toBe(daily.high[t]);
      expect(Math.min(...rows.map((i) => minutes.low[i]))).toBe(daily.low[t]);
      expect(rows.reduce((sum, i) => sum + minutes.volume[i], 0)).toBe(daily.volume[t]);
    }
  });
});

describe("the seeded generator", () => {
  it("repeats its sequence for a seed and draws standard normals", () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const draws = Array.from({ length: 20_000 }, () => a.normal());
    expect(Array.from({ length: 20_000 }, () => b.normal())).toEqual(draws);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});
