import type * as Monaco from "monaco-editor";
import type { TextInsert } from "./import-edit";

/** Columns `from` to `to` of one line, as Monaco's ranges want them. */
export function lineRange(line: number, from: number, to: number): Monaco.IRange {
  return { startLineNumber: line, startColumn: from, endLineNumber: line, endColumn: to };
}

/** The word being typed at `position`, and the text of its line before it (what the completions read). */
export function wordAt(
  model: Monaco.editor.ITextModel,
  position: Monaco.Position,
): { word: Monaco.editor.IWordAtPosition; before: string } {
  const word = model.getWordUntilPosition(position);
  return { word, before: model.getValueInRange(lineRange(position.lineNumber, 1, word.startColumn)) };
}

/** A completion's additional edits for a text insert (import-edit.ts) into `model`: none without one. */
export function insertEdits(model: Monaco.editor.ITextModel, insert: TextInsert | null): Monaco.languages.TextEdit[] {
  if (!insert) return [];
  const at = model.getPositionAt(insert.offset);
  return [{ range: lineRange(at.lineNumber, at.column, at.column), text: insert.text }];
}
