import type { ResultsJson } from "../../engine/results/results-schema";
import type { SameBarPolicy } from "../../engine/settings/same-bar-setting";
import { PROTOCOL_VERSION, readWorkerMessage, type WorkerRequest } from "../../runtime/protocol";
import { formatUserError } from "../../runtime/user-error";
import { dataKeyOf, type RunInput } from "../../store/share-slice";
import { appStoreApi } from "../../store/store";
import { dataSources, STRATEGY_FILE } from "../run/run-controller";

/** Run ids of what-if runs, far from the page's own (which count from 1). */
let nextId = 1_000_000_000;

/**
 * Runs the shown run's code, settings and data again with another same-bar policy, in a worker
 * of its own, in the background: the page's results are not touched. Resolves with the final
 * results (without events and equity); rejects with a readable message. `signal` stops it.
 */
export function runWithPolicy(ran: RunInput, policy: SameBarPolicy, signal: AbortSignal): Promise<ResultsJson> {
  const state = appStoreApi().getState();
  if (ran.dataKey !== dataKeyOf(state))
    return Promise.reject(new Error("the imported data changed since the run: press Run again first"));
  const runId = nextId++;
  const w = new Worker(new URL("../../worker/run-worker.ts", import.meta.url), {
    type: "module",
    name: `what-if-${policy}-${runId}`,
  });
  return new Promise<ResultsJson>((resolve, reject) => {
    const end = (fn: () => void) => {
      clearTimeout(timer);
      w.terminate();
      signal.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => end(() => reject(new Error("stopped")));
    signal.addEventListener("abort", onAbort);
    const timer = setTimeout(
      () => end(() => reject(new Error(`the what-if run took longer than the ${ran.settings.timeLimitSec} s limit`))),
      ran.settings.timeLimitSec * 1000,
    );
    w.onmessage = (ev: MessageEvent<unknown>) => {
      const read = readWorkerMessage(ev.data);
      if ("problem" in read) return end(() => reject(new Error(read.problem)));
      const msg = read.message;
      if (msg.type === "done") end(() => resolve(msg.results));
      else if (msg.type === "error") end(() => reject(new Error(formatUserError(msg.error))));
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      end(() => reject(new Error(`the what-if worker failed: ${ev.message || "it could not start"}`)));
    };
    const req: WorkerRequest = {
      type: "run",
      protocolVersion: PROTOCOL_VERSION,
      runId,
      source: ran.code,
      fileName: STRATEGY_FILE,
      settings: { ...ran.settings.run, sameBarPolicy: policy },
      data: dataSources({ ...state, settings: ran.settings }),
    };
    w.postMessage(req);
  });
}
