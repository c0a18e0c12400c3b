import { describe, expect, it } from "vitest";
import { compareWithSender } from "../../src/store/link-comparison";
import { makeEntry } from "../../src/store/library/library-entry";
import { DEFAULT_PLAYGROUND_SETTINGS } from "../../src/store/playground-settings";
import { emptyResults, IDLE_RUN, type RunStatus } from "../../src/store/run-results";
import { APP_VERSION } from "../../src/share/app-version";
import type { ResultsJson } from "../../src/engine/results/results-schema";

const CODE = "export default class FromALink {}";
const entry = makeEntry(
  {
    code: CODE,
    settings: DEFAULT_PLAYGROUND_SETTINGS,
    origin: "link",
    link: { code: CODE, fillsHash: "abc123", app: APP_VERSION, bundled: ["SPY"], namedOnly: [], carried: [] },
  },
  0,
);

/** The notice's state after the open strategy (from a link) ran to `status`, with fills hash `hash` when done. */
function after(status: RunStatus, hash = "abc123") {
  const final = status === "done" ? ({ run: { fillsHash: hash } } as unknown as ResultsJson) : null;
  return compareWithSender({
    library: [entry],
    openId: entry.id,
    run: { ...IDLE_RUN, status },
    results: { ...emptyResults(), final },
    lastRunInput: status === "idle" ? null : { code: CODE, settings: DEFAULT_PLAYGROUND_SETTINGS, dataKey: "" },
    imported: [],
  });
}

describe("the notice over a strategy opened from a link", () => {
  it("says it has not run until Run, and that it is running while it runs", () => {
    expect(after("idle")).toEqual({ kind: "not-run" });
    expect(after("running")).toEqual({ kind: "running" });
  });

  it("says a run that ended at an error, Stop or the time limit left nothing to compare (not 'has not run')", () => {
    expect(after("error")).toEqual({ kind: "unfinished", status: "error" });
    expect(after("stopped")).toEqual({ kind: "unfinished", status: "stopped" });
    expect(after("timeout")).toEqual({ kind: "unfinished", status: "timeout" });
  });

  it("compares a finished run's fills hash with the sender's", () => {
    expect(after("done")).toEqual({ kind: "same", hash: "abc123" });
    expect(after("done", "fff000")).toMatchObject({ kind: "differs", hash: "fff000", senderHash: "abc123" });
  });

  it("names a file the link carried that is not among the receiver's imports (held back or refused) as the likely reason", () => {
    const carrying = { ...entry, link: { ...entry.link!, carried: ["SPY.csv"] } };
    const compared = compareWithSender({
      library: [carrying],
      openId: carrying.id,
      run: { ...IDLE_RUN, status: "done" },
      results: { ...emptyResults(), final: { run: { fillsHash: "fff000" } } as unknown as ResultsJson },
      lastRunInput: { code: CODE, settings: DEFAULT_PLAYGROUND_SETTINGS, dataKey: "" },
      imported: [],
    });
    expect(compared).toMatchObject({
      kind: "differs",
      reasons: ["different data: the link's SPY.csv is not among your imports"],
    });
  });
});
