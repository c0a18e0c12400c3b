import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, readPrepareRequest } from "../../src/runtime/protocol";
import { warmUpInSlices } from "../../src/worker/warm-up-slices";

/** A fake setTimeout: the tasks it was given, to run by hand. */
function tasks() {
  const queue: Array<{ next: () => void; ms: number }> = [];
  return {
    queue,
    later: (next: () => void, ms: number) => queue.push({ next, ms }),
    runNext: () => queue.shift()!.next(),
  };
}

describe("a spare run worker's warm-up in slices", () => {
  it("runs one slice per task, each a gap after the last, then says it has ended", () => {
    const t = tasks();
    let sliced = 0;
    let ended = 0;
    warmUpInSlices({ slice: () => sliced++, slices: 3, gapMs: 20, later: t.later, ended: () => ended++ });
    expect(sliced).toBe(0); // nothing runs in the task that started it
    for (let i = 1; i <= 3; i++) {
      expect(t.queue).toEqual([{ next: expect.any(Function), ms: 20 }]);
      t.runNext();
      expect(sliced).toBe(i);
    }
    expect(t.queue).toEqual([]);
    expect(ended).toBe(1);
  });

  it("stops between two slices when a run is asked for: the run never waits behind the rest", () => {
    const t = tasks();
    let sliced = 0;
    let ended = 0;
    const stop = warmUpInSlices({ slice: () => sliced++, slices: 5, gapMs: 20, later: t.later, ended: () => ended++ });
    t.runNext();
    stop();
    stop();
    expect(ended).toBe(1);
    while (t.queue.length > 0) t.runNext();
    expect(sliced).toBe(1);
    expect(ended).toBe(1);
  });

  it("ends at a slice that throws", () => {
    const t = tasks();
    let sliced = 0;
    let ended = 0;
    const slice = () => {
      sliced++;
      throw new Error("no compartment");
    };
    warmUpInSlices({ slice, slices: 5, gapMs: 20, later: t.later, ended: () => ended++ });
    t.runNext();
    expect(t.queue).toEqual([]);
    expect([sliced, ended]).toEqual([1, 1]);
  });

  it("with no slice to run, says at once that it has ended", () => {
    let ended = 0;
    warmUpInSlices({ slice: () => undefined, slices: 0, gapMs: 20, later: () => undefined, ended: () => ended++ });
    expect(ended).toBe(1);
  });
});

describe("a prepare request's warm-up fields", () => {
  const prepare = (extra: object) =>
    readPrepareRequest({ type: "prepare", protocolVersion: PROTOCOL_VERSION, files: [], ...extra });

  it("leave the engine's warm-up off unless the request asks for it", () => {
    expect(prepare({})?.engineWarmUp).toBe(false);
    expect(prepare({ engineWarmUp: true })?.engineWarmUp).toBe(true);
  });

  it("keep the port to tell when the warm-ups have ended, and refuse what is not one", () => {
    const { port1 } = new MessageChannel();
    expect(prepare({ warmed: port1 })?.warmed).toBe(port1);
    expect(prepare({ warmed: "port" })).toBeNull();
    expect(prepare({ engineWarmUp: "yes" })).toBeNull();
    port1.close();
  });
});
