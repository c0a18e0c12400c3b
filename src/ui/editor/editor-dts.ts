/**
 * The `playground` declarations as the editor loads them. Monaco renders a JSDoc tag as
 * "*@example* — text" on one line, so a fenced ```ts block under `@example` came out as
 * "ts const id = …". Turning the tag into an "Example:" paragraph keeps the fence at the start
 * of a line, where the hover's markdown renders it as code. Nothing else changes.
 */
export function editorDts(dts: string): string {
  return dts.replace(/^(\s*\*\s*)@example[ \t]*$/gm, "$1**Example**");
}
