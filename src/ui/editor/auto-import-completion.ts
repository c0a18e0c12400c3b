import type * as Monaco from "monaco-editor";
import { importInsert, importedNames } from "./import-edit";
import { insertEdits, lineRange, wordAt } from "./completion-edits";
import type { PlaygroundExport } from "./playground-exports";
import { MEMBER_START, inStrategyClassBody } from "./hook-snippets";

/**
 * Whether a name typed after `before` (its line up to the word) at `offset` of `code` could be a
 * "playground" name to import: not after a dot (a member), not inside an import's braces, a
 * comment or a string's start, and not where a method of the strategy's class starts (`override
 * init`), where only a hook's name makes sense and an import offered there was noise.
 */
export function importsOfferedAt(code: string, offset: number, before: string): boolean {
  if (/\.\s*$/.test(before) || /^\s*(import|\/\/|\*)/.test(before)) return false;
  return !(MEMBER_START.test(before) && inStrategyClassBody(code, offset));
}

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
      const code = model.getValue();
      if (word.word === "" || !importsOfferedAt(code, model.getOffsetAt(position), before)) return { suggestions: [] };
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
