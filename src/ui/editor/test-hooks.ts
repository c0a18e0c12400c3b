import type * as Monaco from "monaco-editor";
import { extendDebugApi } from "../debug-api";

/**
 * What the page exposes on `window.playground` for browser tests and for people poking at it
 * from the console: the editor, its markers, and whether its language service is up (the
 * charts add `chart`, see chart-debug-api.ts). Nothing here can run user code.
 */
export interface PlaygroundDebugApi {
  editor: Monaco.editor.IStandaloneCodeEditor;
  /** Markers on the strategy model: TypeScript's and the last run's. */
  markers(): Array<{ line: number; column: number; message: string; owner: string; severity: number }>;
  /**
   * True once the editor's TypeScript worker has answered a first request about the strategy
   * (its diagnostics, with the playground declarations loaded): from then on hover, completion
   * and squiggles answer promptly. On a cold, busy machine this can take many seconds.
   */
  languageReady: boolean;
}

export function exposeDebugApi(monaco: typeof Monaco, editor: Monaco.editor.IStandaloneCodeEditor): void {
  const api: PlaygroundDebugApi = {
    editor,
    markers: () => {
      const model = editor.getModel();
      if (!model) return [];
      return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
        line: m.startLineNumber,
        column: m.startColumn,
        message: m.message,
        owner: m.owner,
        severity: m.severity,
      }));
    },
    languageReady: false,
  };
  extendDebugApi({ ...api });
  void probeUntilAnswered(monaco, editor).then(
    () => extendDebugApi({ languageReady: true }),
    // A worker that never answers leaves the flag false: the editor still edits, without types.
    () => undefined,
  );
}

/** How long one probe may go unanswered before it is asked again; a busy machine answers well within it. */
const PROBE_PATIENCE_MS = 20_000;
/** How many times the probe asks before it leaves the flag false: the editor still edits, without types. */
const PROBE_ATTEMPTS = 10;

/**
 * Asks until the TypeScript worker answers. A first request can fail or go unanswered (the
 * language registered a moment after the editor mounted, or the worker restarted when its
 * options changed); one failed request must not leave the flag false for good. An earlier
 * request that answers late still counts.
 */
function probeUntilAnswered(monaco: typeof Monaco, editor: Monaco.editor.IStandaloneCodeEditor): Promise<void> {
  return new Promise((resolve, reject) => {
    let asked = 0;
    let answered = false;
    const ask = () => {
      const attempt = ++asked;
      // Asked again if this request has neither answered nor failed by then.
      const patience = setTimeout(() => askAgain(attempt), PROBE_PATIENCE_MS);
      probeLanguageService(monaco, editor).then(
        () => {
          answered = true;
          clearTimeout(patience);
          resolve();
        },
        () => {
          clearTimeout(patience);
          // A request that failed at once is asked again after a pause, not in a tight loop.
          setTimeout(() => askAgain(attempt), 500 * attempt);
        },
      );
    };
    const askAgain = (attempt: number) => {
      if (answered || attempt !== asked) return;
      if (asked >= PROBE_ATTEMPTS) reject(new Error("the TypeScript worker never answered"));
      else ask();
    };
    ask();
  });
}

/** Asks the TypeScript worker for the strategy's diagnostics, which it answers once its program is built. */
async function probeLanguageService(monaco: typeof Monaco, editor: Monaco.editor.IStandaloneCodeEditor) {
  const model = editor.getModel();
  if (!model) throw new Error("the editor has no model");
  const getWorker = await monaco.typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  await worker.getSemanticDiagnostics(model.uri.toString());
}
