/**
 * Runs a strategy in a worker thread with a heap limit and a time limit, and turns whatever
 * ends it (done, an error, the clock, memory, a crash) into one outcome. The thread is always
 * terminated at the end, so nothing user code left behind keeps the process alive.
 */
import { Worker } from "node:worker_threads";
import { messageOf } from "../runtime/thrown-value";
import type { UserError } from "../runtime/user-error";
import { threadEntry } from "./thread-entry";
import {
  CHUNKS_AHEAD,
  JSON_SLOT_BYTES,
  readWhere,
  type ThreadInput,
  type ThreadMessage,
  type ThreadOutcome,
  type Where,
} from "./thread-messages";
import { makeWhereBuffer } from "../runtime/where-cells";

export interface ThreadLimits {
  timeoutSec: number;
  maxMemoryMb: number;
  /** Called about four times a second with the bars done (for a progress line). */
  onProgress?: (barsDone: number) => void;
  /**
   * Receives the results JSON in chunks of UTF-8, in order, before the outcome (when it was asked
   * for). A chunk is only good until the call returns: its memory is reused for a later chunk.
   */
  onJson?: (chunk: Uint8Array) => void;
}

export function runInThread(
  input: Omit<ThreadInput, "where" | "flow" | "jsonSlots">,
  limits: ThreadLimits,
): Promise<ThreadOutcome> {
  const where = makeWhereBuffer();
  const flow = new SharedArrayBuffer(4);
  const written = new Int32Array(flow);
  const jsonSlots = input.json === null ? null : new SharedArrayBuffer(CHUNKS_AHEAD * JSON_SLOT_BYTES);
  const entry = threadEntry("run-worker-thread");
  const transfer = input.bars.flatMap((b) => [b.time, b.open, b.high, b.low, b.close, b.volume].map((a) => a.buffer));
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    workerData: { ...input, where, flow, jsonSlots } satisfies ThreadInput,
    transferList: transfer as ArrayBuffer[],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
    stdout: false,
    stderr: false,
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ThreadOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (progress) clearInterval(progress);
      void worker.terminate();
      resolve(outcome);
    };
    const fail = (error: UserError) => finish({ type: "error", exit: 1, error });
    const at = (): Partial<UserError> => placeOf(readWhere(where), input.fileName);
    // The limit is on the strategy, not on starting the thread (which compiles the engine under tsx).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startClock = () => {
      timer = setTimeout(
        () =>
          fail({
            kind: "timeout",
            message: `the run took longer than the ${limits.timeoutSec} s time limit and was stopped (raise it with --timeout <seconds>)`,
            ...at(),
          }),
        limits.timeoutSec * 1000,
      );
    };
    const progress = limits.onProgress ? setInterval(() => limits.onProgress!(readWhere(where).barsDone), 250) : null;
    worker.on("message", (m: ThreadMessage) => {
      if (m.type === "ready") startClock();
      else if (m.type === "json") {
        limits.onJson?.(m.chunk ?? new Uint8Array(jsonSlots!, m.slot * JSON_SLOT_BYTES, m.length));
        Atomics.add(written, 0, 1);
        Atomics.notify(written, 0);
      } else finish(m);
    });
    worker.on("error", (e: Error & { code?: string }) => {
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
        return fail({
          kind: "runtime",
          message: `the strategy ran out of memory: it needed more than the ${limits.maxMemoryMb} MB heap limit (raise it with --max-memory <MB>)`,
          ...at(),
        });
      fail({ kind: "internal", message: `the strategy's thread failed: ${messageOf(e)}`, ...at() });
    });
    worker.on("exit", (code) =>
      fail({
        kind: "internal",
        message: `the strategy's thread stopped without a result (exit code ${code})`,
        ...at(),
      }),
    );
  });
}

function placeOf(w: Where, fileName: string): Partial<UserError> {
  return w.hook ? { file: fileName, line: w.line, hook: w.hook, barTime: w.barTime } : {};
}
