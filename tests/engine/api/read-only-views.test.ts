import { describe, expect, it } from "vitest";
import { LimitOrder } from "../../../src/engine/orders/execution-styles";
import { bars, flat } from "../helpers/bars";
import { idAt, results, run } from "../helpers/run";

/** Try an assignment or call the way user code would (test modules are strict, like user modules). */
function fails(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

describe("what user code gets is a view, not the engine's state", () => {
  it("position.amount = 1e6 throws a TypeError and the position, equity and results stay as they were", () => {
    // buy 10 at bar 1's open 100; flat bars, so the run ends holding 10 shares worth $1,000
    const errors: unknown[] = [];
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10),
      2: (b, context) => {
        const p = context.portfolio.positions.get(b.symbol("A"))! as { amount: number; lastSalePrice: number };
        errors.push(fails(() => (p.amount = 1e6)));
        errors.push(fails(() => (p.lastSalePrice = 1e6)));
      },
    });
    expect(errors.every((e) => e instanceof TypeError)).toBe(true);
    expect(bt.ledger.positions.get(bt.md.assets[0]!)!.amount).toBe(10);
    expect(results(bt).summary.endingValue).toBe(100_000);
  });

  it("getOrder(id).amount = 1000 throws a TypeError and the order still fills its 10 shares", () => {
    let error: unknown = null;
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => {
        const id = b.order(b.symbol("A"), 10)!;
        error = fails(() => ((b.getOrder(id) as { amount: number }).amount = 1000));
        return id;
      },
    });
    expect(error).toBeInstanceOf(TypeError);
    expect(bt.broker.fills.map((f) => f.amount)).toEqual([10]);
    expect(bt.broker.orders.get(idAt(bt, 0)!)!.amount).toBe(10);
  });

  it("blotter.orders.clear(), set() and delete() throw a TypeError saying it is read-only, and every order is kept", () => {
    const errors: unknown[] = [];
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10),
      1: (_b, context) => {
        const orders = context.blotter.orders as unknown as Map<string, unknown>;
        errors.push(fails(() => orders.clear()));
        errors.push(fails(() => orders.set("o9", {})));
        errors.push(fails(() => orders.delete("o1")));
      },
    });
    expect(errors.map((e) => (e as Error).message)).toEqual([
      "context.blotter.orders is read-only: clear() is not allowed; the engine keeps it",
      "context.blotter.orders is read-only: set() is not allowed; the engine keeps it",
      "context.blotter.orders is read-only: delete() is not allowed; the engine keeps it",
    ]);
    expect(errors.every((e) => e instanceof TypeError)).toBe(true);
    expect(bt.broker.orders.size).toBe(1);
  });

  it("context.portfolio.positions.clear() throws and the position stays", () => {
    let error: unknown = null;
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10),
      2: (_b, context) => {
        error = fails(() => (context.portfolio.positions as unknown as Map<unknown, unknown>).clear());
      },
    });
    expect(error).toBeInstanceOf(TypeError);
    expect(bt.ledger.positions.size).toBe(1);
  });

  it("context.blotter.orders.get(id) is the same object as getOrder(id), and getOpenOrders returns it too", () => {
    const same: boolean[] = [];
    run(bars("A", flat(100, 3)), {
      0: (b, context) => {
        const id = b.order(b.symbol("A"), 10, { style: new LimitOrder(50) })!;
        const o = b.getOrder(id);
        same.push(context.blotter.orders.get(id) === o, b.getOrder(id) === o, b.getOpenOrders(b.symbol("A"))[0] === o);
        same.push([...context.blotter.orders.values()][0] === o, b.getOpenOrders().get(b.symbol("A"))![0] === o);
      },
    });
    expect(same).toEqual([true, true, true, true, true]);
  });

  it("what order() returns when it placed nothing (null) finds no order in getOrder or the blotter", () => {
    const found: unknown[] = [];
    run(bars("A", flat(100, 3)), {
      0: (b, context) => {
        const none = b.order(b.symbol("A"), 0);
        found.push(none, b.getOrder(none), context.blotter.orders.get(none), context.blotter.orders.has(none));
      },
    });
    expect(found).toEqual([null, undefined, undefined, false]);
  });

  it("the engine's bookkeeping is not reachable through what user code holds", () => {
    const seen: Record<string, unknown> = {};
    run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10),
      2: (b, context) => {
        const o = b.getOrder("o1") as unknown as Record<string, unknown>;
        const p = context.portfolio.positions.get(b.symbol("A")) as unknown as Record<string, unknown>;
        const portfolio = context.portfolio as unknown as Record<string, unknown>;
        const account = context.account as unknown as Record<string, unknown>;
        Object.assign(seen, {
          commissionExact: o.commissionExact,
          watermark: o.watermark,
          costExact: p.costExact,
          ledger: portfolio.ledger,
          accountLedger: account.ledger,
          ownKeys: [o, p, portfolio, account, context.blotter].map((x) => Object.getOwnPropertyNames(x).length),
        });
      },
    });
    expect(seen).toEqual({
      commissionExact: undefined,
      watermark: undefined,
      costExact: undefined,
      ledger: undefined,
      accountLedger: undefined,
      ownKeys: [0, 0, 0, 0, 0],
    });
  });

  it("a view reads the order as it is now: status and filled follow the fills", () => {
    const seen: unknown[] = [];
    run(bars("A", flat(100, 3)), {
      0: (b) => {
        const o = b.getOrder(b.order(b.symbol("A"), 10)!)!;
        seen.push([o.status, o.filled]);
        return o.id;
      },
      1: (b) => {
        const o = b.getOrder("o1")!;
        seen.push([o.status, o.filled, o.avgFillPrice, JSON.stringify(o).includes('"status":"FILLED"')]);
      },
    });
    expect(seen).toEqual([
      ["OPEN", 0],
      ["FILLED", 10, 100, true],
    ]);
  });

  it("cancelOrder takes the view getOrder returned, and refuses a look-alike object", () => {
    let error: unknown = null;
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(50) }),
      1: (b) => {
        error = fails(() => b.cancelOrder({ id: "o1" } as never));
        b.cancelOrder(b.getOrder("o1")!);
      },
    });
    expect((error as Error).message).toBe("cancelOrder: no order o1");
    expect(bt.broker.orders.get("o1")!.status).toBe("CANCELLED");
  });
});

describe("analyze gets a copy of the results", () => {
  it("results.summary.endingValue = 1e12 and a forged fillsHash in analyze change nothing in the results", () => {
    const bt = run(bars("A", flat(100, 3)), { 0: (b) => b.order(b.symbol("A"), 10) });
    const real = results(bt);
    const before = JSON.stringify(real);
    let seenValue: unknown = null;
    bt.algo.analyze = (_context, r) => {
      const forged = r as typeof real;
      seenValue = forged.summary.endingValue;
      forged.summary.endingValue = 1e12;
      forged.run.fillsHash = "0000000000000000";
      forged.fills.length = 0;
    };
    bt.callAnalyze(real);
    expect(seenValue).toBe(100_000);
    expect(JSON.stringify(real)).toBe(before);
    expect(real.run.fillsHash).not.toBe("0000000000000000");
  });
});
