import type * as Monaco from "monaco-editor";
import { inStrategyClassBody, missingHooks, typeImportsInsert } from "./hook-snippets";
import { insertEdits } from "./insert-edits";

/**
 * Completion of a strategy's hooks in its class body: `hand` offers the whole typed
 * `override handleData(context: Context, data: BarData): void { … }` and imports the types.
 * TypeScript alone offers only the bare name, which leaves a first strategy without parameters.
 */
export function registerHookCompletion(monaco: typeof Monaco): Monaco.IDisposable {
  return monaco.languages.registerCompletionItemProvider("typescript", {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const lineStart = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: word.startColumn,
      });
      // A member's start: only indentation, perhaps `override `, before the word.
      const m = /^(\s*)(override\s+)?$/.exec(lineStart);
      const code = model.getValue();
      if (!m || !inStrategyClassBody(code, model.getOffsetAt(position))) return { suggestions: [] };
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: m[1]!.length + 1,
        endColumn: word.endColumn,
      };
      const suggestions = missingHooks(code).map((hook): Monaco.languages.CompletionItem => {
        return {
          label: { label: hook.name, description: hook.detail },
          kind: monaco.languages.CompletionItemKind.Method,
          detail: `override ${hook.name}(…) — the whole method, typed`,
          insertText: hook.snippet,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          range,
          // Matched against what is typed from the indentation on (`override han` too).
          filterText: `${m[2] ?? ""}${hook.name}`,
          // Before TypeScript's bare name of the same hook.
          sortText: `0${hook.name}`,
          additionalTextEdits: insertEdits(model, typeImportsInsert(code, hook.types)),
        };
      });
      return { suggestions };
    },
  });
}
