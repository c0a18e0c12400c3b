import type { EngineEvent } from "../../engine/events";
import type { WorkerMessage } from "../../runtime/protocol";

/**
 * The engine events of the current run as they streamed in, for the results JSON export
 * (the worker's final message leaves them out, since the page already had them).
 */
let events: EngineEvent[] = [];
let runId = -1;

export function recordRunMessage(msg: WorkerMessage): void {
  if (msg.type === "started") {
    events = [];
    runId = msg.runId;
  } else if (msg.type === "batch" && msg.runId === runId) for (const e of msg.events) events.push(e);
}

export function runEvents(): readonly EngineEvent[] {
  return events;
}
