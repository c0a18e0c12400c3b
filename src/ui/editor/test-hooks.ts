import type * as Monaco from "monaco-editor";
import { extendDebugApi } from "../debug-api";

/**
 * What the page exposes on `window.playground` for browser tests and for people poking at it
 * from the console: the editor and its markers (the charts add `chart`, see chart-debug-api.ts). Nothing here can run user code.
 */
export interface PlaygroundDebugApi {
  editor: Monaco.editor.IStandaloneCodeEditor;
  /** Markers on the strategy model: TypeScript's and the last run's. */
  markers(): Array<{ line: number; column: number; message: string; owner: string; severity: number }>;
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
  };
  extendDebugApi({ ...api });
}
