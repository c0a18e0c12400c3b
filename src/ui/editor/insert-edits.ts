import type * as Monaco from "monaco-editor";
import type { TextInsert } from "./import-edit";

/** A completion's additional edits for a text insert (import-edit.ts) into `model`: none without one. */
export function insertEdits(model: Monaco.editor.ITextModel, insert: TextInsert | null): Monaco.languages.TextEdit[] {
  if (!insert) return [];
  const at = model.getPositionAt(insert.offset);
  const range = {
    startLineNumber: at.lineNumber,
    startColumn: at.column,
    endLineNumber: at.lineNumber,
    endColumn: at.column,
  };
  return [{ range, text: insert.text }];
}
