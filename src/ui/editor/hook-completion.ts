import type * as Monaco from "monaco-editor";
import { MEMBER_START, inStrategyClassBody, missingHooks, typeImportsInsert } from "./hook-snippets";
import { insertEdits, lineRange, wordAt } from "./completion-edits";

/**
 * Completion of a strategy's hooks in its class body: `hand` offers the whole typed
 * `override handleData(context: Context, data: BarData): void { … }` and imports the types.
 * TypeScript alone offers only the bare name, which leaves a first strategy without parameters.
 */
export function registerHookCompletion(monaco: typeof Monaco): Monaco.IDisposable {
  return monaco.languages.registerCompletionItemProvider("typescript", {
    provideCompletionItems(model, position) {
      const { word, before } = wordAt(model, position);
      // A member's start: only indentation, perhaps `override `, before the word.
      const m = MEMBER_START.exec(before);
      const code = model.getValue();
      if (!m || !inStrategyClassBody(code, model.getOffsetAt(position))) return { suggestions: [] };
      const range = lineRange(position.lineNumber, m[1]!.length + 1, word.endColumn);
      const suggestions = missingHooks(code).map((hook): Monaco.languages.CompletionItem => ({
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
      }));
      return { suggestions };
    },
  });
}
