/// <reference lib="webworker" />
// The run worker: decode, call, post. User code runs here, in a SES Compartment, never on the page.
// Lock the realm down before any engine module is evaluated (imports run in order).
import "../runtime/lockdown";
import { loadSources } from "../runtime/load-sources";
import {
  PROTOCOL_VERSION,
  protocolError,
  readPrepareRequest,
  readRowsRequest,
  readWorkerRequest,
  transferablesOf,
  type WorkerMessage,
} from "../runtime/protocol";
import { runSession, toUserError } from "../runtime/run-session";
import { warmUpStrategyPath } from "../runtime/warm-up";
import { PreparedFiles } from "./prepared-files";

// The worker's own powers, taken before any user code loads (user code could not reach the
// worker's global object anyway: its compartment has a global object of its own).
const postToPage = globalThis.postMessage.bind(globalThis);
const fetchFn = globalThis.fetch.bind(globalThis);
const clock = performance.now.bind(performance);

const post = (m: WorkerMessage) => postToPage(m, { transfer: transferablesOf(m) });
const fetchNow = async (url: string) => {
  if (new URL(url).origin !== location.origin) throw new Error(`data must come from this site, not ${url}`);
  return (await fetchFn(url)).text();
};
/** Bundled files fetched and parsed ahead (a `prepare` request), each taken once. */
const prepared = new PreparedFiles(fetchNow);
let warm = false;
/** The finished run's rows, posted when the page asks for them (once). */
let rowsOf: { runId: number; post: () => void } | null = null;

addEventListener("message", (ev: MessageEvent<unknown>) => {
  // Milestones on the worker's own performance timeline: a trace of the page shows where a run's
  // start-up went (bench/browser/profile-run.spec.ts, PROFILE_TRACE=1).
  performance.mark("worker: message");
  const ahead = readPrepareRequest(ev.data);
  if (ahead) {
    prepared.prepare(ahead);
    // A spare worker: compile and load a strategy now (its files fetching meanwhile), so the run's own compile finds the compiler warm.
    if (!warm) warmUpStrategyPath();
    warm = true;
    performance.mark("worker: warmed up");
    ahead.warmed?.postMessage(null);
    return;
  }
  const rowsFor = readRowsRequest(ev.data);
  if (rowsFor !== null) {
    const r = rowsOf;
    rowsOf = null;
    if (r?.runId === rowsFor) r.post();
    return;
  }
  const read = readWorkerRequest(ev.data);
  performance.mark("worker: request checked");
  if ("problem" in read) {
    post({ type: "error", protocolVersion: PROTOCOL_VERSION, runId: read.runId, error: protocolError(read.problem) });
    return;
  }
  const req = read.request;
  Promise.all(req.data.map((d) => prepared.source(d)))
    .then((data) => loadSources(data, prepared.fetchText))
    .then(({ bars, warnings }) => {
      performance.mark("worker: bars loaded");
      const rows = runSession(req, bars, warnings, post, clock, (name, start, end) =>
        performance.measure(name, { start, end }),
      );
      if (rows) rowsOf = { runId: req.runId, post: rows };
    })
    .catch((e: unknown) =>
      post({ type: "error", protocolVersion: PROTOCOL_VERSION, runId: req.runId, error: toUserError(e) }),
    );
});
