import { INTRADAY, RANGE_SHARE, SEED } from "./parameters";
import type { DailyBar } from "./daily-bars";
import { centsBar, type CentsBar } from "./cents";
import { newYorkOffsetMinutes } from "./new-york-time";
import { streamFor } from "./prng";
import { dayNumber } from "./calendar";
import { DAY_MS as MS_PER_DAY } from "../../src/engine/data/utc-day";

export interface MinuteBar extends CentsBar {
  /** Bar open time, ISO UTC, e.g. 2024-11-04T14:30:00Z. */
  readonly datetime: string;
  readonly volume: number;
}

const MS_PER_MINUTE = 60_000;
const OPEN_MINUTE = 9 * 60 + 30;
const FULL_SESSION = 390;
const EARLY_SESSION = 210; // 09:30 to 13:00

/** Minute volume is heavier at the open and the close: a U shape over the session. */
function volumeProfile(minutes: number): Float64Array {
  const weights = new Float64Array(minutes);
  const middle = (minutes - 1) / 2;
  let sum = 0;
  for (let i = 0; i < minutes; i++) {
    weights[i] = 1 + 3 * ((i - middle) / middle) ** 2;
    sum += weights[i];
  }
  return weights.map((weight) => weight / sum);
}

/**
 * One session of 1-minute bars that opens at the daily bar's open and ends at its close:
 * a random walk pinned at both ends (a Brownian bridge in log price), trading about the
 * daily bar's volume. The daily bar then takes its high, low and volume from these minutes.
 */
function sessionBars(day: DailyBar, dailyVolatility: number): MinuteBar[] {
  const [year, month, date] = day.date.split("-").map(Number);
  const dayIndex = dayNumber(year, month, date);
  const minutes = (INTRADAY.earlyCloses as readonly string[]).includes(day.date) ? EARLY_SESSION : FULL_SESSION;
  const rng = streamFor(SEED, `intraday:${day.date}`);
  const minuteSd = dailyVolatility / Math.sqrt(FULL_SESSION);
  const walk = new Float64Array(minutes + 1);
  for (let i = 1; i <= minutes; i++) walk[i] = walk[i - 1] + minuteSd * rng.normal();
  const open = day.open / 100;
  const drift = Math.log(day.close / day.open);
  const price = walk.map((w, i) => open * Math.exp(w + (i / minutes) * (drift - walk[minutes])));
  const profile = volumeProfile(minutes);
  const startMs = dayIndex * MS_PER_DAY + (OPEN_MINUTE + newYorkOffsetMinutes(dayIndex, year)) * MS_PER_MINUTE;
  const bars: MinuteBar[] = [];
  for (let i = 0; i < minutes; i++) {
    const [o, c] = [price[i], price[i + 1]];
    const high = Math.max(o, c) * Math.exp(RANGE_SHARE * minuteSd * Math.abs(rng.normal()));
    const low = Math.min(o, c) * Math.exp(-RANGE_SHARE * minuteSd * Math.abs(rng.normal()));
    const volume = Math.round(day.volume * profile[i] * Math.exp(0.35 * rng.normal() - 0.06));
    const datetime = new Date(startMs + i * MS_PER_MINUTE).toISOString().replace(".000Z", "Z");
    bars.push({ datetime, ...centsBar(o, high, low, c), volume });
  }
  return bars;
}

/**
 * The daily bar the minutes add up to: same open and close, the minutes' extremes and
 * total volume, so a run that resolves daily bars on minute bars sees one market.
 */
export function aggregateDay(day: DailyBar, minutes: readonly MinuteBar[]): DailyBar {
  let { high, low } = minutes[0];
  let volume = 0;
  for (const bar of minutes) {
    high = Math.max(high, bar.high);
    low = Math.min(low, bar.low);
    volume += bar.volume;
  }
  return { ...day, high, low, volume };
}

/** Minute bars of the intraday symbol for each of its daily bars inside the intraday window, by date. */
export function intradaySessions(daily: readonly DailyBar[], dailyVolatility: number): Map<string, MinuteBar[]> {
  const sessions = new Map<string, MinuteBar[]>();
  for (const day of daily) {
    if (day.date >= INTRADAY.first && day.date <= INTRADAY.last)
      sessions.set(day.date, sessionBars(day, dailyVolatility));
  }
  return sessions;
}
