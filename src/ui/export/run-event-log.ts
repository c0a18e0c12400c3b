import type { EngineEvent } from "../../engine/events";
import type { EventColumns } from "../../runtime/event-columns";
import { EventColumnsReader } from "../../runtime/event-columns-reader";
import type { WorkerMessage } from "../../runtime/protocol";

/**
 * The engine events of the current run as they streamed in, for the results JSON export
 * (the worker's final message leaves them out, since the page already had them). Kept as the
 * batches' columns; made into event objects only when exported.
 */
let batches: EventColumns[] = [];
let reader = new EventColumnsReader();
/** How many of `batches` the reader has taken in: read when exported, not while the run streams. */
let taken = 0;
let runId = -1;

export function recordRunMessage(msg: WorkerMessage): void {
  if (msg.type === "started") {
    batches = [];
    reader = new EventColumnsReader();
    taken = 0;
    runId = msg.runId;
  } else if (msg.type === "batch" && msg.runId === runId) {
    batches.push(msg.events);
  }
}

export function runEvents(): readonly EngineEvent[] {
  for (; taken < batches.length; taken++) reader.take(batches[taken]!);
  return batches.flatMap((c) => reader.events(c));
}
