import { describe, expect, it } from "vitest";
import { BracketOrder, LimitOrder, StopOrder } from "../../../src/engine/orders/execution-styles";
import type { RunSettings } from "../../../src/engine/settings";
import { bars, flat, type Row } from "../helpers/bars";
import { fillsOf, idAt, orderOf, ordersAt, run, type Step, type TestRun } from "../helpers/run";

/** $10,000, A at 100; `init` sets controls, `place` runs on bar 0; returns the order `place` returned. */
function placeOnce(
  place: Step,
  init?: (bt: TestRun) => void,
  settings: Partial<RunSettings> = {},
  rows: Row[] = flat(100, 2),
) {
  const bt = run(bars("A", rows), { 0: place }, { init, settings: { cash: 10_000, ...settings } });
  return { bt, o: idAtOrNull(bt)! };
}
const A = (b: TestRun) => b.symbol("A");
function idAtOrNull(bt: TestRun) {
  try {
    return orderOf(bt, idAt(bt, 0));
  } catch {
    return null; // the step placed several orders: read them with ordersAt
  }
}

describe("checks at placement", () => {
  it("NOT_TRADABLE: a symbol with no price yet", () => {
    const later = bars("B", flat(50, 1), "2024-01-02");
    const bt = run([bars("A", flat(100, 2)), later], { 0: (b) => b.order(b.symbol("B"), 10) });
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.status).toBe("REJECTED");
    expect(o.reason).toMatch(/^NOT_TRADABLE: B has no price yet on 2024-01-01$/);
  });
  it("LONG_ONLY: a sell that would go short", () => {
    const { o } = placeOnce(
      (b) => b.order(A(b), -1),
      (b) => b.setLongOnly(),
    );
    expect(o.reason).toMatch(/^LONG_ONLY: /);
  });
  it("ORDER_SIZE_LIMIT: more shares than the order limit", () => {
    const { o } = placeOnce(
      (b) => b.order(A(b), 51),
      (b) => b.setMaxOrderSize({ maxShares: 50 }),
    );
    expect(o.reason).toBe("ORDER_SIZE_LIMIT: order for 51 A: 51 shares is over the limit of 50");
  });
  it("ORDER_SIZE_LIMIT by notional at the last close", () => {
    const { o } = placeOnce(
      (b) => b.order(A(b), 31),
      (b) => b.setMaxOrderSize({ maxNotional: 3000 }),
    );
    expect(o.reason).toMatch(/^ORDER_SIZE_LIMIT: .*\$3,100\.00 is over the limit of \$3,000\.00/);
  });
  it("POSITION_LIMIT counts open orders", () => {
    // an unfilled buy limit of 60 plus 50 more would make 110 > 100
    const { bt } = placeOnce(
      (b) => [b.order(A(b), 60, { style: new LimitOrder(90) }), b.order(A(b), 50)],
      (b) => b.setMaxPositionSize({ maxShares: 100 }),
    );
    const [first, second] = ordersAt(bt, 0);
    expect(first!.status).toBe("OPEN");
    expect(second!.reason).toMatch(/^POSITION_LIMIT: A position would be 110 shares counting open orders/);
  });
  it("MAX_LEVERAGE: gross exposure over x × portfolio value", () => {
    // 1.5 × 10,000 = 15,000: 150 shares at 100 fit, 151 do not
    const { bt } = placeOnce(
      (b) => [b.order(A(b), 151), b.order(A(b), 150)],
      (b) => b.setMaxLeverage(1.5),
    );
    const [over, fits] = ordersAt(bt, 0);
    expect(over!.reason).toMatch(/^MAX_LEVERAGE: gross exposure would be 1\.51x/);
    expect(fits!.reason).toBeNull();
  });

  describe("INSUFFICIENT_FUNDS uses last close × amount × (1 + bp/10,000) + commission", () => {
    const real: Partial<RunSettings> = { slippage: undefined, commission: undefined }; // 5 bp, $0.001/share
    it("accepts a buy whose estimate fits the portfolio value", () => {
      // 99 × 100 × 1.0005 + 0.099 = 9,905.049 ≤ 10,000
      expect(placeOnce((b) => b.order(A(b), 99), undefined, real).o.reason).toBeNull();
    });
    it("rejects a buy whose estimate does not", () => {
      // 100 × 100 × 1.0005 + 0.1 = 10,005.10 > 10,000
      expect(placeOnce((b) => b.order(A(b), 100), undefined, real).o.reason).toBe(
        "INSUFFICIENT_FUNDS: buying 100 A needs ~$10,005.10, available $10,000.00",
      );
    });
    it("subtracts the estimates of other open buys", () => {
      // open limit buy of 50: 5,002.55 → available 4,997.45; 49 → 4,902.499 fits, 50 → 5,002.55 does not
      const { bt } = placeOnce(
        (b) => [b.order(A(b), 50, { style: new LimitOrder(90) }), b.order(A(b), 49), b.order(A(b), 50)],
        undefined,
        real,
      );
      const [, fits, over] = ordersAt(bt, 0);
      expect(fits!.reason).toBeNull();
      // after the 49 are counted too: 10,000 − 5,002.55 − 4,902.499 = 94.951
      expect(over!.reason).toBe("INSUFFICIENT_FUNDS: buying 50 A needs ~$5,002.55, available $94.95");
    });
    it("no longer counts an open buy cancelled earlier on the same bar", () => {
      // the limit buy of 50 is cancelled before the 99 go in: the whole 10,000 is available again
      const { bt } = placeOnce(
        (b) => {
          const id = b.order(A(b), 50, { style: new LimitOrder(90) });
          b.cancelOrder(id!);
          return [id, b.order(A(b), 99)];
        },
        undefined,
        real,
      );
      const [, buy] = ordersAt(bt, 0);
      expect(buy!.reason).toBeNull();
    });
    it("never counts a rejected buy", () => {
      // 100 does not fit (10,005.10), so nothing is open and 99 (9,905.049) still does
      const { bt } = placeOnce((b) => [b.order(A(b), 100), b.order(A(b), 99)], undefined, real);
      const [over, fits] = ordersAt(bt, 0);
      expect(over!.reason).toMatch(/^INSUFFICIENT_FUNDS: /);
      expect(fits!.reason).toBeNull();
    });
    it("counts open buys of every symbol, each at its own last close", () => {
      // B's open limit buy of 10 at B's close 300: 10 × 300 × 1.0005 + 0.01 = 3,001.51;
      // then 69 A (6,903.519) fits in 6,998.49 and 70 A (7,003.57) does not
      const two = [bars("A", flat(100, 2)), bars("B", flat(300, 2))];
      const bt = run(
        two,
        {
          0: (b) => [b.order(b.symbol("B"), 10, { style: new LimitOrder(250) }), b.order(A(b), 70), b.order(A(b), 69)],
        },
        { settings: { cash: 10_000, ...real } },
      );
      const [, over, fits] = ordersAt(bt, 0);
      expect(over!.reason).toBe("INSUFFICIENT_FUNDS: buying 70 A needs ~$7,003.57, available $6,998.49");
      expect(fits!.reason).toBeNull();
    });
    it("counts a buy still open from an earlier bar at this bar's close", () => {
      // bar 0: a limit buy of 50 at 50 (close 100, never reached); bar 1 closes at 120, so it now
      // counts 50 × 120 × 1.0005 + 0.05 = 6,003.05 of the 10,000: 33 A (3,962.02) fit, 34 (4,082.08) do not
      const rows: Row[] = [
        [100, 100, 100, 100],
        [120, 120, 120, 120],
        [120, 120, 120, 120],
      ];
      const bt = run(
        bars("A", rows),
        {
          0: (b) => b.order(A(b), 50, { style: new LimitOrder(50) }),
          1: (b) => [b.order(A(b), 34), b.order(A(b), 33)],
        },
        { settings: { cash: 10_000, ...real } },
      );
      const [over, fits] = ordersAt(bt, 1);
      expect(over!.reason).toBe("INSUFFICIENT_FUNDS: buying 34 A needs ~$4,082.07, available $3,996.95");
      expect(fits!.reason).toBeNull();
    });
  });

  describe("buying back a short", () => {
    // $10,000; short 100 A filled at 100 on bar 1 (cash 20,000); A closes at 190 from bar 2 on, so
    // the portfolio value is 20,000 − 100 × 190 = 1,000 while buying the short back costs 19,000
    const rows: Row[] = [[100, 100, 100, 100], [100, 100, 100, 100], ...flat(190, 3)];
    const shortThen = (place: Step) =>
      run(bars("A", rows), { 0: (b) => b.order(A(b), -100), 2: place }, { settings: { cash: 10_000 } });

    it("needs no funds: the short's proceeds pay for it", () => {
      const bt = shortThen((b) => b.order(A(b), 100));
      const cover = orderOf(bt, idAt(bt, 2));
      expect(cover.reason).toBeNull();
      expect(fillsOf(bt, cover.id)).toEqual([[3, 100, 190]]);
      expect(bt.ledger.cash.toNumber()).toBe(1_000); // 20,000 − 19,000
    });
    it("checks only the shares beyond the short", () => {
      // 5 beyond: 5 × 190 = 950 ≤ 1,000; 6 beyond: 1,140 > 1,000
      expect(
        orderOf(
          shortThen((b) => b.order(A(b), 105)),
          "o2",
        ).reason,
      ).toBeNull();
      expect(
        orderOf(
          shortThen((b) => b.order(A(b), 106)),
          "o2",
        ).reason,
      ).toBe(
        "INSUFFICIENT_FUNDS: buying 106 A (6 beyond the 100 that buy back the short) needs ~$1,140.00, available $1,000.00",
      );
    });
    it("a protective buy stop on the short leaves the funds to other buys", () => {
      // the stop buys back all 100, so it counts 0 against the 1,000: 5 more A (950) still fit
      const bt = shortThen((b) => [b.order(A(b), 100, { style: new StopOrder(250) }), b.order(A(b), 5)]);
      const [stop, buy] = ordersAt(bt, 2);
      expect([stop!.reason, buy!.reason]).toEqual([null, null]);
    });
  });

  describe("the documented order of checks", () => {
    it("LONG_ONLY before ORDER_SIZE_LIMIT", () => {
      const { o } = placeOnce(
        (b) => b.order(A(b), -100),
        (b) => {
          b.setLongOnly();
          b.setMaxOrderSize({ maxShares: 10 });
        },
      );
      expect(o.reason).toMatch(/^LONG_ONLY: /);
    });
    it("ORDER_SIZE_LIMIT before POSITION_LIMIT", () => {
      const { o } = placeOnce(
        (b) => b.order(A(b), 100),
        (b) => {
          b.setMaxPositionSize({ maxShares: 10 });
          b.setMaxOrderSize({ maxShares: 10 });
        },
      );
      expect(o.reason).toMatch(/^ORDER_SIZE_LIMIT: /);
    });
    it("POSITION_LIMIT before MAX_LEVERAGE", () => {
      const { o } = placeOnce(
        (b) => b.order(A(b), 1000),
        (b) => {
          b.setMaxLeverage(1);
          b.setMaxPositionSize({ maxShares: 10 });
        },
      );
      expect(o.reason).toMatch(/^POSITION_LIMIT: /);
    });
    it("MAX_LEVERAGE before INSUFFICIENT_FUNDS", () => {
      const { o } = placeOnce(
        (b) => b.order(A(b), 1000),
        (b) => b.setMaxLeverage(1),
      );
      expect(o.reason).toMatch(/^MAX_LEVERAGE: /);
    });
    it("INVALID_PRICE after NOT_TRADABLE", () => {
      const later = bars("B", flat(50, 1), "2024-01-02");
      const bt = run([bars("A", flat(100, 2)), later], {
        0: (b) => b.order(b.symbol("B"), 10, { style: new LimitOrder(60) }),
      });
      expect(orderOf(bt, idAt(bt, 0)).reason).toMatch(/^NOT_TRADABLE: /);
    });
  });
});

describe("cash at fill time", () => {
  it("a buy placed before the sells that fund it is accepted and fills, sells first", () => {
    // bar 0: buy 100 A (all the cash); bar 1: buy 50 B then sell 50 A, both market at bar 2's open
    const a = bars("A", flat(100, 3));
    const b2 = bars("B", flat(100, 3));
    const bt = run(
      [a, b2],
      {
        0: (b) => b.order(b.symbol("A"), 100),
        1: (b) => [b.order(b.symbol("B"), 50), b.order(b.symbol("A"), -50)],
      },
      { settings: { cash: 10_000 } },
    );
    const [buyB, sellA] = ordersAt(bt, 1);
    expect(buyB!.reason).toBeNull(); // placement looks at portfolio value (10,000), not cash (0)
    expect(buyB!.status).toBe("FILLED");
    expect(sellA!.status).toBe("FILLED");
    expect(bt.ledger.cash.toNumber()).toBe(0);
  });
  it("reducing orders fill first at the same point of the path, whatever the placement order", () => {
    // both market orders of A at bar 2's open: the sell (reducing) is booked before the buy
    const bt = run(
      bars("A", flat(100, 3)),
      {
        0: (b) => b.order(b.symbol("A"), 100),
        1: (b) => [b.order(b.symbol("A"), 30), b.order(b.symbol("A"), -50)],
      },
      { settings: { cash: 10_000 } },
    );
    const [buy, sell] = ordersAt(bt, 1);
    expect(bt.broker.fills.slice(1).map((f) => f.orderId)).toEqual([sell!.id, buy!.id]);
  });
  it("a buy beyond cash fills what cash covers; the rest is cancelled INSUFFICIENT_FUNDS", () => {
    // placed at a close of 100 with exactly $10,000; bar 1 opens at 125: cash covers 80 shares
    const { bt, o } = placeOnce((b) => b.order(A(b), 100), undefined, {}, [
      [100, 100, 100, 100],
      [125, 126, 124, 125],
    ]);
    expect(fillsOf(bt, o.id)).toEqual([[1, 80, 125]]);
    expect(o.status).toBe("CANCELLED");
    expect(o.reason).toMatch(/^INSUFFICIENT_FUNDS: /);
    expect(bt.ledger.cash.toNumber()).toBe(0);
  });
  it("commission counts against cash at fill time", () => {
    // 99 shares accepted at 100 (9,900 + 1); $10,000 at 125 with $1 per trade: 80 shares would cost 10,001, so 79
    const { bt, o } = placeOnce((b) => b.order(A(b), 99), undefined, { commission: { model: "PerTrade", cost: 1 } }, [
      [100, 100, 100, 100],
      [125, 126, 124, 125],
    ]);
    expect(fillsOf(bt, o.id)).toEqual([[1, 79, 125]]);
    expect(bt.ledger.cash.toNumber()).toBe(10_000 - 79 * 125 - 1);
  });
  it("under setLongOnly a sell accepted against a buy that never fills does not go short", () => {
    // the sell of 5 passes placement (pending buy of 10), but at bar 1's open nothing is held
    const { bt } = placeOnce(
      (b) => [b.order(A(b), 10, { style: new LimitOrder(90) }), b.order(A(b), -5)],
      (b) => b.setLongOnly(),
    );
    const [, sell] = ordersAt(bt, 0);
    expect(bt.broker.fills).toEqual([]);
    expect(sell!.status).toBe("CANCELLED");
    expect(sell!.reason).toMatch(/^LONG_ONLY: /);
  });
  it("shorting is allowed and its proceeds are cash", () => {
    const { bt } = placeOnce((b) => b.order(A(b), -10));
    expect(bt.ledger.cash.toNumber()).toBe(11_000);
    expect(bt.ledger.positions.get(bt.symbol("A"))!.amount).toBe(-10);
    expect(bt.ledger.portfolioValue()).toBe(10_000);
  });
  it("setMaxLeverage(2) lets the account borrow up to 2 × portfolio value", () => {
    const { bt, o } = placeOnce(
      (b) => b.order(A(b), 150),
      (b) => b.setMaxLeverage(2),
    );
    expect(o.status).toBe("FILLED");
    expect(bt.ledger.cash.toNumber()).toBe(-5_000);
  });
  it("the leverage limit also caps a fill when prices moved since placement", () => {
    // accepted at 100 (15,000 ≤ 1.5 × 10,000)
    const { bt, o } = placeOnce(
      (b) => b.order(A(b), 150),
      (b) => b.setMaxLeverage(1.5),
      {},
      [
        [100, 100, 100, 100],
        [125, 126, 124, 125],
      ],
    );
    // before the fill the portfolio is $10,000 cash: 1.5 × 10,000 / 125 = 120 shares
    expect(fillsOf(bt, o.id)).toEqual([[1, 120, 125]]);
    expect(o.reason).toMatch(/^MAX_LEVERAGE: /);
  });
});

describe("placement messages write prices in the symbol's decimals", () => {
  it("a EURUSD bracket with its legs the wrong way round names the prices to the pip", () => {
    // EURUSD at 1.07346 (tick 0.00001): a long bracket with its stop-loss above the entry.
    const fx = bars("EURUSD", flat(1.07346, 2), "2024-01-01", { tickSize: 0.00001 });
    const style = new BracketOrder({ stopLossPrice: 1.07351, takeProfitPrice: 1.07301 });
    const bt = run([fx], { 0: (b) => b.order(b.symbol("EURUSD"), 1000, { style }) });
    expect(orderOf(bt, idAt(bt, 0)).reason).toBe(
      "INVALID_PRICE: a long bracket needs its stop-loss below and its take-profit above the entry reference 1.07346; got stop-loss 1.07351, take-profit 1.07301",
    );
  });
});
