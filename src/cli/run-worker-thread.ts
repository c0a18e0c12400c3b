// The CLI's strategy thread: the realm is locked down FIRST (imports run in order), then the
// engine runs the user's strategy in a SES Compartment. The main thread (strategy-thread.ts)
// bounds its time and heap; this thread writes where it is into shared memory as it goes.
import "../runtime/lockdown";
import { parentPort, workerData } from "node:worker_threads";
import { DataError } from "../engine/data/symbol-bars";
import { writeResultsJson } from "../engine/results/results-writer";
import { runStrategy } from "../runtime/run-strategy";
import { toUserError } from "../runtime/run-session";
import { buildRunSummary } from "../engine/results/results";
import { lastLogLinesOf } from "../engine/results/results-series";
import { SUMMARY_LOG_LINES, summaryText } from "./summary-table";
import { whereWriter } from "../runtime/where-cells";
import { saveCodeCache } from "./code-cache";
import {
  CHUNKS_AHEAD,
  JSON_SLOT_BYTES,
  type ThreadInput,
  type ThreadMessage,
  type ThreadOutcome,
  type ThreadShared,
} from "./thread-messages";

const shared = workerData as ThreadShared;
const { listener, atLine } = whereWriter(shared.where);

function run(input: ThreadInput): ThreadOutcome {
  try {
    const { results, strategy, backtest, timings } = runStrategy({
      source: input.source,
      fileName: input.fileName,
      bars: input.bars,
      settings: input.settings,
      listener,
      atLine,
      now: () => performance.now(),
      // Without --json nothing prints the results whole: not built, unless analyze reads them (the
      // summary table needs only their run and summary, built below).
      results: input.json === null ? "if-analyzed" : "always",
    });
    // Streamed out in chunks: the whole text never exists at once in either thread.
    if (input.json !== null && results !== null) {
      const written = new Int32Array(shared.flow);
      const slots = new Uint8Array(input.jsonSlots!);
      let sent = 0;
      const post = (chunk: Uint8Array) => {
        // Never more than CHUNKS_AHEAD chunks queued for a main thread slower than this one: so the
        // slot of chunk `sent` has been written out by the time it is reused.
        for (let w = Atomics.load(written, 0); sent - w >= CHUNKS_AHEAD; w = Atomics.load(written, 0))
          Atomics.wait(written, 0, w, 1000);
        const slot = sent % CHUNKS_AHEAD;
        const length = chunk.length;
        if (length <= JSON_SLOT_BYTES) {
          slots.set(chunk, slot * JSON_SLOT_BYTES);
          parentPort!.postMessage({ type: "json", slot, length } satisfies ThreadMessage);
        } else parentPort!.postMessage({ type: "json", slot, length, chunk } satisfies ThreadMessage);
        sent++;
      };
      writeResultsJson(results, post, { pretty: input.json === "pretty" });
    }
    if (!input.summary) return { type: "done", summary: null };
    // The log lines are read from the run's events, not the results: those were built before
    // `analyze` ran, and what it logs (its summary, most often) belongs in the last lines too.
    const logs = lastLogLinesOf(backtest.events, backtest.events.length, SUMMARY_LOG_LINES);
    const summary = summaryText(results ?? buildRunSummary(backtest, { strategy, elapsedMs: timings.runMs }), logs);
    return { type: "done", summary };
  } catch (e) {
    const error = toUserError(e);
    return { type: "error", exit: e instanceof DataError || error.kind === "data" ? 2 : 1, error };
  }
}

// Started before the main thread has read the data: the run comes as one message.
parentPort!.once("message", (input: ThreadInput) => {
  parentPort!.postMessage({ type: "ready" } satisfies ThreadMessage);
  const outcome = run(input);
  saveCodeCache(); // after the run, so the cache also holds what the run compiled; once per build
  parentPort!.postMessage(outcome satisfies ThreadMessage);
});
