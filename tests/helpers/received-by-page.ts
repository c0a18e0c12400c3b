import { readWorkerMessage, transferablesOf, type WorkerMessage } from "../../src/runtime/protocol";

/** A worker message as the page gets it: cloned as postMessage clones it (buffers moved), then checked. */
export function receivedByPage(m: WorkerMessage): WorkerMessage {
  const read = readWorkerMessage(structuredClone(m, { transfer: transferablesOf(m) }));
  if ("problem" in read) throw new Error(read.problem);
  return read.message;
}
