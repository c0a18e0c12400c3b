import { describe, expect, it } from "vitest";
import { describeWhere, makeWhereBuffer, readWhere, whereWriter } from "../../src/runtime/where-cells";

describe("where a run is, in shared cells", () => {
  it("reads back the hook, bar, time and line the writer stored", () => {
    const buf = makeWhereBuffer();
    const w = whereWriter(buf);
    w.listener.onBar(1232, []);
    w.listener.onHook("handleData", 1234, Date.UTC(2004, 2, 5));
    w.atLine(17);
    expect(readWhere(buf)).toEqual({
      hook: "handleData",
      bar: 1234,
      barTime: "2004-03-05T00:00:00.000Z",
      barsDone: 1233,
      line: 17,
    });
  });

  it("forgets the line when the next hook starts: the line is of that hook's code", () => {
    const buf = makeWhereBuffer();
    const w = whereWriter(buf);
    w.listener.onHook("handleData", 0, Date.UTC(2020, 0, 2));
    w.atLine(9);
    w.listener.onHook("handleData", 1, Date.UTC(2020, 0, 3));
    expect(readWhere(buf).line).toBeUndefined();
    w.atLine(9);
    expect(readWhere(buf).line).toBe(9);
  });

  it("follows the run from hook to hook and bar to bar", () => {
    const buf = makeWhereBuffer();
    const w = whereWriter(buf);
    const day = (d: number) => Date.UTC(2020, 0, d);
    w.listener.onHook("handleData", 0, day(2));
    w.listener.onBar(0, []);
    w.listener.onHook("beforeTradingStart", 1, day(3));
    w.atLine(4);
    expect(readWhere(buf)).toMatchObject({ hook: "beforeTradingStart", bar: 1, barsDone: 1, line: 4 });
    w.listener.onHook("handleData", 1, day(3));
    expect(readWhere(buf)).toMatchObject({ hook: "handleData", bar: 1, line: undefined });
    w.listener.onBar(1, []);
    w.listener.onHook("handleData", 2, day(4));
    w.atLine(4);
    expect(readWhere(buf)).toEqual({
      hook: "handleData",
      bar: 2,
      barTime: "2020-01-04T00:00:00.000Z",
      barsDone: 2,
      line: 4,
    });
  });

  it("says nothing of a bar before the first one", () => {
    const buf = makeWhereBuffer();
    whereWriter(buf).listener.onHook("initialize", 0, NaN);
    expect(readWhere(buf)).toEqual({
      hook: "initialize",
      barTime: undefined,
      bar: undefined,
      barsDone: 0,
      line: undefined,
    });
    expect(describeWhere(readWhere(buf))).toBe("in initialize");
  });

  it("reads like 'in handleData at bar 1,234 (2004-03-05), line 17'", () => {
    const at = { hook: "handleData", bar: 1234, barTime: "2004-03-05T00:00:00.000Z", barsDone: 1234, line: 17 };
    expect(describeWhere(at)).toBe("in handleData at bar 1,234 (2004-03-05), line 17");
    expect(describeWhere({ barsDone: 0 })).toBe("");
  });
});
