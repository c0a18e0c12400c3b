import type * as Monaco from "monaco-editor";
import { importInsert, importedNames } from "./import-edit";
import { insertEdits, lineRange, wordAt } from "./completion-edits";
import type { PlaygroundExport } from "./playground-exports";

/**
 * Completion of "playground" names that the strategy has not imported yet, adding them to its
 * import line on accept (`new Lim` → LimitOrder). Monaco's TypeScript worker offers no
 * auto-imports from an ambient `declare module`, so the page does it; names already imported
 * are left to TypeScript, which offers them with their types.
 */
export function registerAutoImport(monaco: typeof Monaco, exports: readonly PlaygroundExport[]): Monaco.IDisposable {
  const kinds = monaco.languages.CompletionItemKind;
  const kindOf: Record<PlaygroundExport["kind"], Monaco.languages.CompletionItemKind> = {
    class: kinds.Class,
    function: kinds.Function,
    value: kinds.Function,
    namespace: kinds.Module,
    type: kinds.Interface,
  };
  return monaco.languages.registerCompletionItemProvider("typescript", {
    provideCompletionItems(model, position) {
      const { word, before } = wordAt(model, position);
      // Not after a dot (a member), not inside an import's braces, a comment or a string's start.
      if (word.word === "" || /\.\s*$/.test(before) || /^\s*(import|\/\/|\*)/.test(before)) return { suggestions: [] };
      const code = model.getValue();
      const imported = importedNames(code);
      if (imported === null) return { suggestions: [] };
      const range = lineRange(position.lineNumber, word.startColumn, word.endColumn);
      const suggestions: Monaco.languages.CompletionItem[] = [];
      for (const ex of exports) {
        if (imported.has(ex.name)) continue;
        const insert = importInsert(code, ex.name, ex.kind === "type");
        if (!insert) continue;
        suggestions.push({
          label: { label: ex.name, description: `import from "playground"` },
          kind: kindOf[ex.kind],
          detail: `Add to the import from "playground"`,
          insertText: ex.name,
          range,
          // After TypeScript's own items of the same name (there are none: it is not imported).
          sortText: `~${ex.name}`,
          additionalTextEdits: insertEdits(model, insert),
        });
      }
      return { suggestions };
    },
  });
}
