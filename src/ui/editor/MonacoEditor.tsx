import { useEffect, useRef, useState } from "react";
import Editor from "@monaco-editor/react";
import { monaco, STRATEGY_MODEL_URI } from "./monaco-setup";
import { appStoreApi, usePlayground } from "../../store/store";
import type { UserError } from "../../runtime/user-error";
import { startRun } from "../run/run-controller";
import { exposeDebugApi } from "./test-hooks";
import { openCompletionDocs } from "./completion-docs";
import { firstOf, readTypeErrorsWith } from "../run/type-errors-at-run";

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

const RUN_MARKER_OWNER = "run";

function markerOf(error: UserError, model: monaco.editor.ITextModel): monaco.editor.IMarkerData {
  const line = Math.min(Math.max(error.line ?? 1, 1), model.getLineCount());
  const column = Math.max(error.column ?? model.getLineFirstNonWhitespaceColumn(line), 1);
  const when = error.barTime ? ` (bar ${error.barTime.slice(0, 10)})` : "";
  return {
    severity: monaco.MarkerSeverity.Error,
    message: `${error.message}${when}`,
    startLineNumber: line,
    startColumn: column,
    endLineNumber: line,
    endColumn: model.getLineMaxColumn(line),
    source: error.kind === "compile" ? "compile" : "run",
  };
}

/** The strategy editor: Monaco with the playground's types, bound to the store's code. */
export default function MonacoEditor() {
  const theme = usePlayground((s) => s.theme);
  const code = usePlayground((s) => s.code);
  const error = usePlayground((s) => s.run.error);
  const codeFocus = usePlayground((s) => s.codeFocus);
  const editorRef = useRef<CodeEditor | null>(null);
  const [ready, setReady] = useState(false);

  // The store is the source of truth; push outside changes (an example loaded) into Monaco.
  useEffect(() => {
    const ed = editorRef.current;
    if (ed && ed.getValue() !== code) ed.setValue(code);
  }, [code]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    if (!error || error.line === undefined) {
      monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, []);
      return;
    }
    const marker = markerOf(error, model);
    monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, [marker]);
    editorRef.current?.revealLineInCenterIfOutsideViewport(marker.startLineNumber);
  }, [error]);

  // A click on an error's place ("line 11:27") puts the cursor there, ready to type.
  useEffect(() => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model || !codeFocus) return;
    const position = model.validatePosition({ lineNumber: codeFocus.line, column: codeFocus.column });
    ed.setPosition(position);
    ed.revealPositionInCenterIfOutsideViewport(position);
    ed.focus();
  }, [codeFocus]);

  return (
    <div className="monaco-host" data-testid="editor" data-ready={ready ? "true" : "false"}>
      <Editor
        path={STRATEGY_MODEL_URI}
        defaultLanguage="typescript"
        defaultValue={appStoreApi().getState().code}
        theme={theme === "dark" ? "vs-dark" : "vs"}
        loading={<div className="editor-loading">Loading editor…</div>}
        options={{
          fontSize: 13,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          fixedOverflowWidgets: true,
        }}
        onMount={(ed) => {
          editorRef.current = ed;
          ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => startRun());
          setReady(true);
          openCompletionDocs(ed);
          exposeDebugApi(monaco, ed);
          // Run notes the TypeScript errors the editor shows (the page runs the code anyway).
          readTypeErrorsWith(() => {
            const model = ed.getModel();
            if (!model) return null;
            const markers = monaco.editor.getModelMarkers({ resource: model.uri, owner: "typescript" });
            return firstOf(
              markers
                .filter((m) => m.severity === monaco.MarkerSeverity.Error)
                .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })),
            );
          });
        }}
        onChange={(value) =>
          appStoreApi()
            .getState()
            .setCode(value ?? "")
        }
      />
    </div>
  );
}
