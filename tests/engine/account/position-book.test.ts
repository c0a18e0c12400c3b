import { describe, expect, it } from "vitest";
import type { Asset } from "../../../src/engine/data/asset";
import { Position } from "../../../src/engine/account/ledger";
import { PositionBook } from "../../../src/engine/account/position-book";

const asset = (sid: number, symbol: string): Asset => Object.freeze({ sid, symbol, tickSize: 0.01 });
const [AAA, BBB, CCC] = [asset(0, "AAA"), asset(1, "BBB"), asset(2, "CCC")];

describe("the open positions by asset", () => {
  it("finds a position by its asset and forgets it once closed", () => {
    const book = new PositionBook<Position>();
    const b = new Position(BBB, 10);
    book.open(b);
    expect(book.get(BBB)).toBe(b);
    expect(book.has(AAA)).toBe(false);
    expect(book.size).toBe(1);
    book.close(b);
    expect(book.get(BBB)).toBeUndefined();
    expect(book.size).toBe(0);
  });

  it("finds nothing for a look-alike of an asset, as a Map keyed by the asset would", () => {
    const book = new PositionBook<Position>();
    book.open(new Position(AAA, 10));
    expect(book.get({ sid: 0, symbol: "AAA", tickSize: 0.01 })).toBeUndefined();
    expect(book.get(undefined as never)).toBeUndefined();
  });

  it("lists positions in the order they were opened, a reopened one last, as a Map does", () => {
    const book = new PositionBook<Position>();
    const map = new Map<Asset, Position>();
    const steps: Array<[Asset, "open" | "close"]> = [
      [CCC, "open"],
      [AAA, "open"],
      [BBB, "open"],
      [CCC, "close"],
      [CCC, "open"],
      [AAA, "close"],
    ];
    for (const [a, step] of steps) {
      if (step === "open") {
        const p = new Position(a, 1);
        book.open(p);
        map.set(a, p);
      } else {
        book.close(book.get(a)!);
        map.delete(a);
      }
    }
    expect([...book.keys()]).toEqual([...map.keys()]);
    expect([...book.values()]).toEqual([...map.values()]);
    expect([...book]).toEqual([...map]);
    const seen: string[] = [];
    book.forEach((p, a) => seen.push(`${a.symbol}:${p.asset.symbol}`));
    expect(seen).toEqual(["BBB:BBB", "CCC:CCC"]);
  });
});
