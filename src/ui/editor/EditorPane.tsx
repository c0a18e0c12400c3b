import { lazy, Suspense } from "react";
import { usePlayground } from "../../store/store";

const MonacoEditor = lazy(() => import("./MonacoEditor"));

/** Until Monaco's chunk arrives, the code is shown read-only so the page is useful at once. */
function CodePreview() {
  const code = usePlayground((s) => s.code);
  return (
    <pre className="code-preview" data-testid="editor-preview" aria-busy="true">
      {code}
    </pre>
  );
}

export function EditorPane() {
  return (
    <section className="editor-pane" aria-label="Strategy editor">
      <Suspense fallback={<CodePreview />}>
        <MonacoEditor />
      </Suspense>
    </section>
  );
}
