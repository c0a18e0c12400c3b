/**
 * Runs a strategy in a worker thread with a heap limit and a time limit, and turns whatever
 * ends it (done, an error, the clock, memory, a crash) into one outcome. The thread is always
 * terminated at the end, so nothing user code left behind keeps the process alive.
 *
 * The thread is started before the run's inputs exist (`startStrategyThread`), so that loading
 * its code and locking its realm down happen while the main thread reads the data; `run` then
 * hands it the strategy and the bars. A thread that is never given a run is ended by `cancel`.
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
  type ThreadShared,
  type Where,
} from "./thread-messages";
import { makeWhereBuffer } from "../runtime/where-cells";

export interface RunHooks {
  /** Called at the start and about four times a second with the bars done (for the progress bar). */
  onProgress?: (barsDone: number) => void;
  /**
   * Receives the results JSON in chunks of UTF-8, in order, before the outcome (when it was asked
   * for). A chunk is only good until the call returns: its memory is reused for a later chunk.
   */
  onJson?: (chunk: Uint8Array) => void;
}

export interface StrategyThread {
  /** The heap limit the thread was started with, MB. */
  readonly maxMemoryMb: number;
  /**
   * Hands the thread its one run and waits for the outcome (once per thread); the time limit
   * starts when the thread has it.
   */
  run(input: Omit<ThreadInput, "jsonSlots">, timeoutSec: number, hooks?: RunHooks): Promise<ThreadOutcome>;
  /** Ends a thread that will not be given a run (bad data, type errors known before the run). */
  cancel(): void;
}

/**
 * The thread's young generation, MB (V8's default lets it grow to 48). What a run keeps survives
 * its scavenges whatever their size, so a bigger one saves little copying, while every megabyte of
 * it is fresh memory the run must fault in, and on this VM a first touch costs more than the
 * copy: at 12 MB B1's whole process took 15 % less CPU and 25 MB less memory than at 48. At 4 MB
 * it is full size from the start: since the compiler left the thread's bundle (cached-compile.ts)
 * the start no longer grew a bigger one before the run, so the run grew it, a page at a time
 * (docs/cli.md).
 */
export const YOUNG_GENERATION_MB = 4;

/** Starts the strategy's thread now, with a heap of `maxMemoryMb`; it loads its code and waits for `run`. */
export function startStrategyThread(maxMemoryMb: number): StrategyThread {
  const shared: ThreadShared = { where: makeWhereBuffer(), flow: new SharedArrayBuffer(4) };
  const written = new Int32Array(shared.flow);
  const entry = threadEntry("run-worker-thread");
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    workerData: shared,
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    stdout: false,
    stderr: false,
  });
  // Until it has a run, the thread must not keep the process alive (an early exit cancels it anyway).
  worker.unref();
  let fileName = "";
  let hooks: RunHooks = {};
  let jsonSlots: SharedArrayBuffer | null = null;
  let timeoutSec = Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let progress: ReturnType<typeof setInterval> | undefined;
  let resolveOutcome: (outcome: ThreadOutcome) => void = () => {};
  const outcome = new Promise<ThreadOutcome>((resolve) => (resolveOutcome = resolve));
  let settled = false;
  const finish = (o: ThreadOutcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    clearInterval(progress);
    void worker.terminate();
    resolveOutcome(o);
  };
  const fail = (error: UserError) => finish({ type: "error", exit: 1, error });
  const at = (): Partial<UserError> => placeOf(readWhere(shared.where), fileName);
  // The limit is on the strategy, not on starting the thread (which compiles the engine under tsx).
  const startClock = () => {
    timer = setTimeout(
      () =>
        fail({
          kind: "timeout",
          message: `the run took longer than the ${timeoutSec} s time limit and was stopped (raise it with --timeout <seconds>)`,
          ...at(),
        }),
      timeoutSec * 1000,
    );
  };
  worker.on("message", (m: ThreadMessage) => {
    if (m.type === "ready") startClock();
    else if (m.type === "json") {
      hooks.onJson?.(m.chunk ?? new Uint8Array(jsonSlots!, m.slot * JSON_SLOT_BYTES, m.length));
      Atomics.add(written, 0, 1);
      Atomics.notify(written, 0);
    } else finish(m);
  });
  worker.on("error", (e: Error & { code?: string }) => {
    if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
      return fail({
        kind: "runtime",
        message: `the strategy ran out of memory: it needed more than the ${maxMemoryMb} MB heap limit (raise it with --max-memory <MB>)`,
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
  return {
    cancel: () => finish({ type: "error", exit: 1, error: { kind: "internal", message: "cancelled" } }),
    maxMemoryMb,
    run: (input, runTimeoutSec, runHooks = {}) => {
      timeoutSec = runTimeoutSec;
      fileName = input.fileName;
      hooks = runHooks;
      const onProgress = hooks.onProgress;
      if (onProgress) {
        // Drawn at once (0 bars), so even a short run shows its bar, then about four times a second.
        const draw = () => onProgress(readWhere(shared.where).barsDone);
        draw();
        progress = setInterval(draw, 250);
      }
      if (!settled) {
        worker.ref();
        const columns = input.bars.flatMap((b) => [b.time, b.open, b.high, b.low, b.close, b.volume]);
        jsonSlots = input.json === null ? null : new SharedArrayBuffer(CHUNKS_AHEAD * JSON_SLOT_BYTES);
        worker.postMessage(
          { ...input, jsonSlots } satisfies ThreadInput,
          // Columns read from the parsed-data cache share one buffer: each buffer once.
          [...new Set(columns.map((a) => a.buffer as ArrayBuffer))],
        );
      }
      return outcome;
    },
  };
}

function placeOf(w: Where, fileName: string): Partial<UserError> {
  return w.hook ? { file: fileName, line: w.line, hook: w.hook, barTime: w.barTime } : {};
}
