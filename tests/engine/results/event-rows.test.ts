import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineEvent, OrderSnapshot } from "../../../src/engine/events";
import { eventJson } from "../../../src/engine/results/results";
import { writeEventRow } from "../../../src/engine/results/event-rows";
import { price, stringified, text, time, written } from "./row-text";

const dt = time;

const snapshot = fc.record({
  id: text,
  symbol: text,
  amount: fc.integer({ min: -1e7, max: 1e7 }),
  filled: fc.integer({ min: -1e7, max: 1e7 }),
  status: fc.constantFrom("OPEN", "FILLED", "CANCELLED"),
  reason: fc.option(text, { nil: null }),
}) as fc.Arbitrary<OrderSnapshot>;

const event: fc.Arbitrary<EngineEvent> = fc.oneof(
  fc.record({
    type: fc.constant("order" as const),
    dt,
    event: fc.constantFrom("OrderAccepted" as const, "OrderFilled" as const, "OrderCancelled" as const),
    order: snapshot,
  }),
  fc.record(
    {
      type: fc.constant("fill" as const),
      dt,
      orderId: text,
      symbol: text,
      amount: fc.integer({ min: -1e7, max: 1e7 }),
      price,
      commission: fc.double({ min: 0, max: 1e4, noNaN: true }),
      basePrice: price,
    },
    { requiredKeys: ["type", "dt", "orderId", "symbol", "amount", "price", "commission"] },
  ),
  fc.record({ type: fc.constant("stopMoved" as const), dt, orderId: text, symbol: text, stop: price, hwm: price }),
  fc.record({
    type: fc.constant("log" as const),
    dt,
    level: fc.constantFrom("debug" as const, "info" as const, "warning" as const, "error" as const),
    message: fc.string({ unit: "binary", maxLength: 20 }),
  }),
  fc.record({ type: fc.constant("record" as const), dt, values: fc.dictionary(text, fc.double()) }),
);

describe("events written field by field", { timeout: 60_000 }, () => {
  for (const pretty of [false, true])
    it(`each kind of event is the bytes JSON.stringify writes of eventJson (${pretty ? "indented" : "compact"})`, () => {
      fc.assert(
        fc.property(event, (e) => {
          expect(written((out, k) => writeEventRow(out, k, e), pretty)).toBe(stringified(eventJson(e), pretty));
        }),
        { numRuns: 1000 },
      );
    });
});
