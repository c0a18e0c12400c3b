import { describe, expect, it } from "vitest";
import { storeView } from "../../../src/engine/data/store-view";

describe("a store view", () => {
  it("writes into the typed array it views, of any kind, at the array's offset", () => {
    const f = new Float64Array(8).subarray(2, 6);
    storeView(f)[1] = 2.5;
    expect(Array.from(f)).toEqual([0, 2.5, 0, 0]);
    const i = new Int32Array(3);
    storeView(i)[2] = -7;
    expect(Array.from(i)).toEqual([0, 0, -7]);
    const u = new Uint8Array(2);
    storeView(u)[0] = 1;
    expect(Array.from(u)).toEqual([1, 0]);
  });

  it("has no prototype, so nothing reaches the typed array's methods through it", () => {
    const v = storeView(new Float64Array(4));
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect((v as { length?: number }).length).toBeUndefined();
  });
});
