import { describe, expect, it } from "vitest";
import { bars, flat } from "../engine/helpers/bars";
import { runStrategy } from "../../src/runtime/run-strategy";
import { UserFacingError, type UserError } from "../../src/runtime/user-error";

const BARS = [bars("SPY", flat(100, 10))];
const SETTINGS = { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" } as const;

/** A strategy whose handleData body (from line 4) is `body`. */
function strategy(body: string, top = ""): string {
  return `import { TradingAlgorithm, order } from "playground";
${top}
export default class Probe extends TradingAlgorithm {
  handleData(context, data) { ${body}
  }
}
`;
}

function run(source: string) {
  return runStrategy({ source, fileName: "probe.ts", bars: BARS, settings: SETTINGS }).results;
}

function failure(source: string): UserError {
  try {
    run(source);
  } catch (e) {
    if (e instanceof UserFacingError) return e.detail;
    throw e;
  }
  throw new Error("the run did not fail");
}

const CAPABILITIES = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "EventSource",
  "navigator",
  "indexedDB",
  "caches",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "MessageChannel",
  "postMessage",
  "self",
  "window",
  "setTimeout",
  "setInterval",
  "queueMicrotask",
  "setImmediate",
  "requestAnimationFrame",
  "importScripts",
  "process",
  "require",
  "Buffer",
  "WebAssembly",
  "SharedArrayBuffer",
  "Atomics",
];

describe("the strategy sandbox", () => {
  it("gives user code a global object without any way out: no network, storage, timers, workers or messages", () => {
    const probe = `if (context.barIndex > 0) return;
    const g = Function("return globalThis")();
    const seen = ${JSON.stringify(CAPABILITIES)}.filter((k) => typeof g[k] !== "undefined" || typeof globalThis[k] !== "undefined");
    console.log("reachable: " + seen.join(","));`;
    const r = run(strategy(probe));
    expect(r.logs.map((l) => l.message)).toContain("reachable: ");
  });

  it("sends console.log from user code to the Log, at info level, stamped with the bar", () => {
    const r = run(
      strategy(`if (context.barIndex === 2) console.log("price", data.current(this.symbol("SPY"), "close"));`),
    );
    expect(r.logs).toEqual([{ dt: "2024-01-03T00:00:00.000Z", level: "info", message: "price 100" }]);
  });

  it("refuses to patch a built-in the engine uses, naming the user's line", () => {
    const err = failure(strategy(`Array.prototype.push = function () { return 0; };`));
    expect(err).toMatchObject({ kind: "runtime", hook: "handleData", line: 4, file: "probe.ts" });
    expect(err.message).toMatch(/read.only|Cannot assign/i);
  });

  it("refuses to patch the playground module's classes for the engine", () => {
    const err = failure(`import { TradingAlgorithm, LimitOrder } from "playground";
export default class Probe extends TradingAlgorithm {
  handleData() {
    LimitOrder.prototype.constructor = null;
  }
}`);
    expect(err).toMatchObject({ kind: "runtime", line: 4 });
  });

  it("cannot climb from a function to the host's Function constructor", () => {
    const err = failure(strategy(`(() => 0).constructor("return process")();`));
    expect(err.message).toContain("not a valid constructor");
    expect(err.line).toBe(4);
  });

  it("lets strategies read the clock and draw random numbers", () => {
    const r = run(
      strategy(
        `if (context.barIndex === 0) console.log(typeof Date.now() + " " + typeof Math.random() + " " + typeof performance.now() + " " + new Date(0).toISOString());`,
      ),
    );
    expect(r.logs[0]!.message).toBe("number number number 1970-01-01T00:00:00.000Z");
  });

  it("keeps the built-ins on user code's global object fixed, and lets it add globals of its own", () => {
    const err = failure(strategy(`globalThis.Math = { max: () => 0 };`));
    expect(err).toMatchObject({ kind: "runtime", hook: "handleData", line: 4 });
    expect(err.message).toMatch(/read.only|Cannot assign/i);
    const r = run(
      strategy(
        `globalThis.seen = (globalThis.seen ?? 0) + 1; if (context.barIndex === 9) console.log("bars " + seen + ", max " + Math.max(1, 2));`,
      ),
    );
    expect(r.logs[0]!.message).toBe("bars 10, max 2");
  });

  it("lets strategies build their own typed arrays and collections for indicators", () => {
    const r = run(
      strategy(
        `if (context.barIndex === 0) { const a = new Float64Array(3); a[1] = 2.5; const b = new Float32Array(2); const m = new Map([[1, a[1]]]); console.log(a.length + " " + m.get(1) + " " + b.length + " " + new Int32Array(1).length); }`,
      ),
    );
    expect(r.logs[0]!.message).toBe("3 2.5 2 1");
  });

  it("refuses `import(` even in a comment, with the line and column and the reason", () => {
    const err = failure(strategy(`// see import("x") for more`));
    expect(err).toMatchObject({ kind: "compile", file: "probe.ts", line: 4, column: 38 }); // 37 characters before it: "  handleData(context, data) { // see "
    expect(err.message).toContain("even in a comment or a string");
  });

  it("refuses an HTML comment opener in a string, with its line", () => {
    const err = failure(strategy("", `const note = "<!-- hi";`));
    expect(err).toMatchObject({ kind: "compile", line: 2, column: 15 });
  });

  it("refuses the name of the line probe, with which a strategy could say it is stuck on a line it is not on", () => {
    const err = failure(strategy("$$playgroundLine(99);"));
    expect(err).toMatchObject({ kind: "compile", line: 4, column: 31 }); // after "  handleData(context, data) { "
    expect(err.message).toContain("`$$playgroundLine`");
  });

  it("refuses to import any module but playground, naming the module", () => {
    const err = failure(strategy("readFileSync;", `import { readFileSync } from "fs";`));
    expect(err.message).toBe('cannot import "fs": strategies can import only from "playground"');
  });

  it("stops an async handleData with a message that strategies are synchronous", () => {
    const err = failure(
      strategy("").replace("handleData(context, data) {", "async handleData(context, data) { await 0;"),
    );
    expect(err).toMatchObject({ kind: "runtime", hook: "handleData", barTime: "2024-01-01T00:00:00.000Z" });
    expect(err.message).toContain("strategies are synchronous");
  });

  it("stops an initialize returning a thenable the same way", () => {
    const src = strategy("").replace(
      "handleData(context, data) {",
      "initialize() { return { then() {} }; }\n  handleData() {",
    );
    expect(failure(src)).toMatchObject({ hook: "initialize", message: expect.stringContaining("synchronous") });
  });
});

describe("a thrown value of any shape", () => {
  const thrown = (expr: string) => failure(strategy(`if (context.barIndex === 1) throw ${expr};`));

  it("reports a thrown string with the hook and bar", () => {
    expect(thrown(`"no"`)).toMatchObject({ message: 'threw "no"', hook: "handleData", file: "probe.ts" });
  });

  it("reports an object without a prototype", () => {
    expect(thrown(`Object.create(null)`).message).toBe("threw an object {}");
  });

  it("reports a circular value without crashing", () => {
    expect(thrown(`(() => { const o = {}; o.self = o; return o; })()`).message).toBe(
      "threw an object that cannot be printed",
    );
  });

  it("reports an error whose stack and message getters throw", () => {
    const err = thrown(`(() => {
      const e = new Error("x");
      Object.defineProperty(e, "stack", { get() { throw new Error("no stack"); } });
      Object.defineProperty(e, "message", { get() { throw new Error("no message"); } });
      return e;
    })()`);
    expect(err).toMatchObject({ kind: "runtime", message: "Error", hook: "handleData" });
  });

  it("reports a Proxy that throws on every trap", () => {
    const err = thrown(`new Proxy({}, new Proxy({}, { get() { return () => { throw new Error("trap"); }; } }))`);
    expect(err.kind).toBe("runtime");
    expect(err.message).toMatch(/^threw /);
  });

  it("quotes at most a short excerpt of a huge message", () => {
    const err = thrown(`new Error("x".repeat(1_000_000))`);
    expect(err.message.length).toBeLessThan(300);
    expect(err.message).toContain("999800 more characters");
    expect(err.line).toBe(4);
  });
});

describe("the line a run reports", () => {
  it("cannot be named by a strategy that finds the line probe among its module's arguments", () => {
    const lines: number[] = [];
    const top = `const args = arguments; for (let i = 0; i < args.length; i++) if (typeof args[i] === "function") try { args[i](4242); } catch {}`;
    runStrategy({
      source: strategy("", top),
      fileName: "probe.ts",
      bars: BARS,
      settings: SETTINGS,
      atLine: (n) => lines.push(n),
    });
    expect(lines).not.toContain(4242);
    expect(lines).toContain(4); // handleData's own line, from the probe at its head
  });
});
