import { describe, expect, it } from "vitest";
import { FillAffordability } from "../../../src/engine/account/affordability";
import { Controls } from "../../../src/engine/account/controls";
import { Ledger } from "../../../src/engine/account/ledger";
import { money } from "../../../src/engine/account/money";
import type { BrokerState } from "../../../src/engine/broker-state";
import { NoCommission } from "../../../src/engine/matching/commission";
import { NoSlippage } from "../../../src/engine/matching/slippage";
import { MarketOrder } from "../../../src/engine/orders/execution-styles";
import { Order } from "../../../src/engine/orders/order";
import { GTC } from "../../../src/engine/orders/time-in-force";

const asset = { sid: 0, symbol: "A", tickSize: 0.01 } as never;

function account(cash: number): BrokerState {
  return {
    ledger: new Ledger(money(cash)),
    controls: new Controls(),
    commission: new NoCommission(),
    slippage: new NoSlippage(),
    live: [[]],
  } as unknown as BrokerState;
}

const buy = (n: number) => new Order("o1", asset, n, "market", new MarketOrder(), GTC, 0, 0, 1);

describe("what the account can afford at fill time", () => {
  it("cuts a buy to what the cash covers and says why", () => {
    const check = new FillAffordability();
    expect(check.shares(account(1_000), buy(20), 20, 100)).toBe(10);
    expect(check.cut).toMatch(/^INSUFFICIENT_FUNDS: cash \$1,000\.00 covers 10 of 20 A shares at 100\.00/);
  });

  it("a buy the cash covers after one it did not is not cut (the checker keeps nothing of the last fill)", () => {
    const check = new FillAffordability();
    check.shares(account(1_000), buy(20), 20, 100);
    expect(check.shares(account(1_000), buy(5), 5, 100)).toBe(5);
    expect(check.cut).toBeNull();
  });

  it("a buy that costs the cash exactly fills whole", () => {
    const check = new FillAffordability();
    expect(check.shares(account(1_000), buy(8), 8, 125)).toBe(8);
    expect(check.cut).toBeNull();
  });
});
