import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./helpers/playground";

/**
 * A listener on 127.0.0.1 that counts every connection and request it gets: a strategy that
 * reached the network would show up here.
 */
async function listen(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.end("export default 1;");
  });
  server.on("connection", () => hits++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Each way out a strategy could try, as an expression; `U` is the listener's URL. */
const ATTEMPTS: Record<string, string> = {
  fetch: "fetch(U)",
  XMLHttpRequest: "(() => { const x = new XMLHttpRequest(); x.open('GET', U); x.send(); })()",
  WebSocket: "new WebSocket(U.replace('http', 'ws'))",
  EventSource: "new EventSource(U)",
  sendBeacon: "navigator.sendBeacon(U, 'x')",
  // (named without its parenthesis: the sandbox refuses that text anywhere in a strategy)
  "dynamic import": "new Function('u', 'return imp' + 'ort(u)')(U)",
  importScripts: "importScripts(U)",
  indexedDB: "indexedDB.open('stolen')",
  caches: "caches.open('stolen')",
  Worker: "new Worker(U)",
  BroadcastChannel: "new BroadcastChannel('results').postMessage('forged')",
  postMessage: "postMessage({ type: 'done' })",
  self: "self.postMessage({ type: 'done' })",
  "globalThis of the worker": "Function('return this')().postMessage({ type: 'done' })",
  setTimeout: "setTimeout(() => {}, 0)",
  setInterval: "setInterval(() => {}, 10)",
  queueMicrotask: "queueMicrotask(() => {})",
};

function hostileStrategy(url: string): string {
  const tries = Object.entries(ATTEMPTS)
    .map(
      ([name, expr]) =>
        `    try { ${expr}; console.log(${JSON.stringify(name)} + " REACHED"); } catch (e) { console.log(${JSON.stringify(name)} + " blocked: " + e.message); }`,
    )
    .join("\n");
  return `import { TradingAlgorithm } from "playground";
const U = ${JSON.stringify(url)};
export default class Hostile extends TradingAlgorithm {
  initialize() {
${tries}
  }
  handleData() {}
}
`;
}

test("a strategy that tries every way out gets a clear error for each and reaches nothing", async ({ app }) => {
  const listener = await listen();
  try {
    await app.open();
    await app.editor.replaceCode(hostileStrategy(listener.url));
    await app.toolbar.run();
    expect(await app.toolbar.runEnds()).toBe("done");
    await app.tabs.open("log");
    const lines = await app.log.lines().allTextContents();
    for (const name of Object.keys(ATTEMPTS)) {
      const line = lines.find((l) => l.includes(`${name} blocked: `) || l.includes(`${name} REACHED`));
      expect(line, name).toContain(`${name} blocked: `);
    }
    expect(lines.join("\n")).not.toContain("REACHED");
    // The control: the listener does count a real request.
    expect(listener.hits()).toBe(0);
    await fetch(listener.url);
    expect(listener.hits()).toBeGreaterThan(0);
  } finally {
    await listener.close();
  }
});

test("`import(` anywhere in a strategy is refused before it runs, with its line and the reason", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(
    [
      'import { TradingAlgorithm } from "playground";',
      "export default class Sneaky extends TradingAlgorithm {",
      "  handleData() {",
      '    // later: import("http://127.0.0.1:9/evil.js")',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  await app.toolbar.run();
  expect(await app.toolbar.runEnds()).toBe("error");
  await expect(app.errorBanner.root).toHaveAttribute("data-kind", "compile");
  await expect(app.errorBanner.line()).toHaveText(/^line 4/);
  await expect(app.errorBanner.message()).toContainText("the sandbox refuses `import(`");
});

/** Lets the test post any message to the page as if the current run worker had sent it. */
const FORGE_HOOK = () => {
  const w = window as unknown as { __forge: (data: unknown) => void; __runId: number };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      const m = /^run-(\d+)$/.exec(opts?.name ?? "");
      if (!m) return;
      w.__runId = Number(m[1]);
      w.__forge = (data) => this.onmessage?.(new MessageEvent("message", { data }));
    }
  };
};

const SLOW_STRATEGY = `import { TradingAlgorithm } from "playground";
export default class Slow extends TradingAlgorithm {
  handleData() {
    const until = performance.now() + 20;
    while (performance.now() < until) {}
  }
}
`;

const FORGERIES: Record<string, (runId: number) => unknown> = {
  "a done whose results are empty": (runId) => ({ type: "done", protocolVersion: 2, runId, results: {} }),
  "a done of another protocol version": (runId) => ({ type: "done", protocolVersion: 99, runId, results: {} }),
  "an error of an unknown kind": (runId) => ({
    type: "error",
    protocolVersion: 2,
    runId,
    error: { kind: "pwned", message: "FORGED ERROR" },
  }),
  "a string": () => "done",
  "a batch whose equity is not arrays": (runId) => ({
    type: "batch",
    protocolVersion: 2,
    runId,
    barsDone: 1,
    totalBars: 2,
    events: [],
    equity: { from: 0, time: 1, value: 1, cash: 1 },
    benchmark: null,
  }),
};

/**
 * A batch well formed in every column, whose order event names strings (order id, event, status)
 * the run never sent: built in the page, since typed arrays do not cross page.evaluate.
 */
function forgeBatchOfUnsentStrings(runId: number): void {
  const none = () => ({ strs: new Int32Array(0), nums: new Float64Array(0) });
  const events = {
    strings: [],
    sequence: Uint8Array.of(0),
    groups: {
      placed: none(),
      orders: { strs: Int32Array.of(5, 6, 7, -1), nums: new Float64Array(7) },
      fills: none(),
      stopMoves: none(),
      logs: none(),
    },
    messages: [],
    records: [],
  };
  const equity = { from: 0, time: new Float64Array(0), value: new Float64Array(0), cash: new Float64Array(0) };
  const data = { type: "batch", protocolVersion: 2, runId, barsDone: 0, totalBars: 2, events, equity, benchmark: null };
  (window as unknown as { __forge: (d: unknown) => void }).__forge(data);
}

const FORGED_IN_PAGE = "a batch whose columns name strings the run never sent";

test("messages forged into the page never show as a result and never blank the page", async ({ app, page }) => {
  await page.addInitScript(FORGE_HOOK);
  await app.open();
  await app.editor.replaceCode(SLOW_STRATEGY);
  // One run per forgery, on the same page: each ends in the protocol's error, and the next runs.
  for (const what of [...Object.keys(FORGERIES), FORGED_IN_PAGE]) {
    await test.step(what, async () => {
      await app.toolbar.run();
      await expect(app.toolbar.progress).toHaveAttribute("data-status", "running");
      const runId = await page.evaluate(() => (window as unknown as { __runId: number }).__runId);
      const forge = FORGERIES[what];
      if (forge) {
        const data = forge(runId);
        await page.evaluate((d) => (window as unknown as { __forge: (d: unknown) => void }).__forge(d), data);
      } else await page.evaluate(forgeBatchOfUnsentStrings, runId);
      expect(await app.toolbar.runEnds()).toBe("error");
      await expect(app.errorBanner.message()).toContainText("could not understand each other");
      await expect(app.errorBanner.message()).not.toContainText("FORGED");
      // The page is whole: the editor still holds the code, the panels are there.
      await expect(page.getByTestId("app")).toBeVisible();
      expect(await app.editor.code()).toContain("class Slow");
      await expect(page.getByTestId("panel-failed")).toHaveCount(0);
    });
  }
});

test("a run worker that dies of memory is reported on reload, with the code intact", async ({ app, page }) => {
  test.setTimeout(420_000);
  await app.open();
  const bomb = `import { TradingAlgorithm } from "playground";
export default class Bomb extends TradingAlgorithm {
  handleData() {
    const keep = [];
    while (true) keep.push(new Array(1_000_000).fill(keep.length));
  }
}
`;
  await app.editor.replaceCode(bomb);
  // On a loaded machine the bomb can take longer than the default 60 s time limit to exhaust the
  // worker's memory; the limit would then end the run (and clear the mark) before the crash.
  await app.settings.apply({ timeLimit: 600 });
  // Wait until the code is saved (the page autosaves it), then run it.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("sp.code.v1"))).toContain("class Bomb");
  const crashed = page.waitForEvent("crash", { timeout: 300_000 });
  await app.toolbar.run();
  // Chromium ends the whole tab when a worker exhausts its memory: no message can arrive.
  await crashed;
  // A crashed tab cannot be reloaded here: come back in a new tab, as a user would.
  const again = await page.context().newPage();
  await again.goto("/");
  await expect(again.getByTestId("error-message")).toContainText("most likely ran out of memory");
  await expect(again.locator(".monaco-editor .view-lines")).toContainText("class Bomb");
  await again.screenshot({ path: "test-results/worker-out-of-memory.png" });
});

test("record() series named like Object's own properties are drawn, and the page keeps answering", async ({
  app,
  page,
}) => {
  await app.open();
  await app.editor.replaceCode(`import { TradingAlgorithm, record } from "playground";
export default class Recorder extends TradingAlgorithm {
  handleData(context) {
    record({ constructor: 1, toString: 2, hasOwnProperty: 3 });
    record("__proto__", 4);
  }
}
`);
  await app.toolbar.runToCompletion();
  // Before the fix the batch read Object.prototype's own "constructor" and the page hung here.
  await expect(page.getByTestId("price-chart")).toHaveAttribute("data-records", "4");
  await app.tabs.open("log");
  expect(await app.editor.code()).toContain("class Recorder");
});

/** A Proxy whose every trap throws the Proxy itself: even `instanceof` on it throws. */
const HOSTILE_PROXY = `const hostile = new Proxy(function () {}, {
  getPrototypeOf() { throw hostile; }, get() { throw hostile; }, has() { throw hostile; },
  ownKeys() { throw hostile; }, getOwnPropertyDescriptor() { throw hostile; },
});`;

test("a strategy that hands the engine a throwing Proxy outside its hooks ends in an error at once, not at the time limit", async ({
  app,
}) => {
  await app.open();
  await app.editor.replaceCode(`import { TradingAlgorithm } from "playground";
${HOSTILE_PROXY}
export default class Sly extends TradingAlgorithm {
  get analyze() { throw hostile; }
  handleData() {}
}
`);
  await app.toolbar.run();
  // Well under the 60 s time limit: the worker's answer, not the page's timer, ends the run.
  expect(await app.toolbar.runEnds(30_000)).toBe("error");
  await expect(app.errorBanner.message()).toContainText("threw a value that cannot be read");
});

test("a 20 MB log line shows its first 2,000 characters and its length, and the Log opens at once", async ({ app }) => {
  await app.open();
  await app.editor.replaceCode(`import { TradingAlgorithm } from "playground";
export default class Long extends TradingAlgorithm {
  handleData(context) {
    if (context.barIndex < 3) console.log("x".repeat(20_000_000));
  }
}
`);
  await app.toolbar.runToCompletion();
  await app.tabs.open("log");
  // Whole, the three lines took the page a minute to lay out.
  const message = app.log.lines().first().locator(".log-message");
  await expect(message).toHaveText(`${"x".repeat(2_000)}… (20000000 characters)`);
  await expect(app.log.lines().first()).toHaveAttribute("title", /^x{2000}… \(20000000 characters\)\n/);
});

test("code a strategy leaves spinning after its run cannot hold the worker: it is ended at the time limit, and the export says why it made no file", async ({
  app,
  page,
}) => {
  await app.open();
  await app.settings.apply({ timeLimit: 3 });
  await app.editor.replaceCode(`import { TradingAlgorithm, order } from "playground";
export default class LeavesASpinner extends TradingAlgorithm {
  initialize(context) { context.asset = this.symbol("SPY"); }
  handleData(context) { if (context.barIndex === 0) order(context.asset, 10); }
  // Runs in the worker after the run, when the page asks for the run's orders, fills and log lines.
  analyze() { Promise.resolve().then(() => { for (;;) {} }); }
}
`);
  await app.toolbar.run();
  expect(await app.toolbar.runEnds()).toBe("done");
  await page.getByTestId("export").click();
  await page.getByTestId("export-results-json").click();
  await expect(page.getByTestId("export-problem")).toContainText("did not come within the 3 s time limit");
});
