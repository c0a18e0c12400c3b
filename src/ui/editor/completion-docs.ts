import type * as Monaco from "monaco-editor";

/** The part of Monaco's suggest widget this reads: not in its public typings. */
interface SuggestController {
  widget?: { value?: { _storageService?: { store?(key: string, value: boolean, scope: 0, target: 0): void } } };
}

/**
 * Opens the docs beside completions from the start. Monaco shows them only after Ctrl+Space
 * (which a user new to VS Code's keys does not know), so `orderTar` listed three names and a
 * cut `(method) TradingAlgori…` instead of what each does. The widget reads this flag
 * (`expandSuggestionDocs`, in the page's in-memory storage) each time it opens, so Ctrl+Space
 * still closes them for the rest of the session. Reached through a private field: if a Monaco
 * upgrade renames it, the docs are merely closed again.
 */
export function openCompletionDocs(editor: Monaco.editor.ICodeEditor): void {
  const controller = editor.getContribution("editor.contrib.suggestController") as SuggestController | null;
  controller?.widget?.value?._storageService?.store?.("expandSuggestionDocs", true, 0, 0);
}
