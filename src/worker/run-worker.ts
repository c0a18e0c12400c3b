/// <reference lib="webworker" />
// The run worker: decode, call, post. User code runs here, never on the page.
import { parseBarsCsv, mergeBars } from "../engine/data/csv-parser";
import { PROTOCOL_VERSION, transferablesOf, type WorkerMessage, type WorkerRequest } from "../runtime/protocol";
import { runSession, toUserError } from "../runtime/run-session";

const post = (m: WorkerMessage) => postMessage(m, { transfer: transferablesOf(m) });

addEventListener("message", (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  if (req?.type !== "run" || req.protocolVersion !== PROTOCOL_VERSION) return;
  void (async () => {
    try {
      const texts = await Promise.all(
        req.data.map(async (d) => ({ name: d.name, text: "text" in d ? d.text : await (await fetch(d.url)).text() })),
      );
      const warnings: string[] = [];
      const bars = mergeBars(
        texts.map((t) => {
          const r = parseBarsCsv(t.text, t.name);
          warnings.push(...r.warnings);
          return r.bars;
        }),
      );
      runSession(req, bars, warnings, post, () => performance.now());
    } catch (e) {
      post({ type: "error", protocolVersion: PROTOCOL_VERSION, runId: req.runId, error: toUserError(e) });
    }
  })();
});
