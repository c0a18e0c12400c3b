import { describe, expect, it } from "vitest";
import { removeAt, removeFrom, truncate } from "../../src/engine/remove-from";

describe("taking one item out of a list in place", () => {
  it("takes out the first place of the item and keeps the rest in their order", () => {
    const list = ["a", "b", "c", "b"];
    removeFrom(list, "b");
    expect(list).toEqual(["a", "c", "b"]);
  });

  it("leaves the list as it is when the item is not in it", () => {
    const list = [1, 2, 3];
    removeFrom(list, 4);
    expect(list).toEqual([1, 2, 3]);
  });

  it("takes out the item at a place, the last one included", () => {
    const list = [1, 2, 3];
    removeAt(list, 2);
    expect(list).toEqual([1, 2]);
    removeAt(list, 0);
    expect(list).toEqual([2]);
  });

  it("shortens a list to its first items, or leaves a list that is short enough as it is", () => {
    const list = ["a", "b", "c", "d"];
    truncate(list, 2);
    expect(list).toEqual(["a", "b"]);
    truncate(list, 5);
    expect(list).toEqual(["a", "b"]);
    truncate(list, 0);
    expect(list).toEqual([]);
  });
});
