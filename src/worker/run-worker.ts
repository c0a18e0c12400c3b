/// <reference lib="webworker" />
// The run worker: decode, call, post. User code runs here, never on the page.
import { loadSources } from "../runtime/load-sources";
import { PROTOCOL_VERSION, transferablesOf, type WorkerMessage, type WorkerRequest } from "../runtime/protocol";
import { runSession, toUserError } from "../runtime/run-session";

const post = (m: WorkerMessage) => postMessage(m, { transfer: transferablesOf(m) });
const fetchText = async (url: string) => (await fetch(url)).text();

addEventListener("message", (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  if (req?.type !== "run" || req.protocolVersion !== PROTOCOL_VERSION) return;
  loadSources(req.data, fetchText)
    .then(({ bars, warnings }) => runSession(req, bars, warnings, post, () => performance.now()))
    .catch((e: unknown) =>
      post({ type: "error", protocolVersion: PROTOCOL_VERSION, runId: req.runId, error: toUserError(e) }),
    );
});
