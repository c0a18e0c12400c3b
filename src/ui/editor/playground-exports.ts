/**
 * The names the "playground" module exports, read from its declarations (the .d.ts files of
 * src/playground/, the one source of the API's shape): what the editor offers to import.
 */
export interface PlaygroundExport {
  name: string;
  /** A value (class, function, constant, namespace) or a type (interface, type alias). */
  kind: "class" | "function" | "value" | "namespace" | "type";
}

/**
 * Exports a strategy never writes: the type that makes `prices[-1]` an error exists to name the
 * fix in the message; offered for import, it showed up beside `initialize` and `BracketOrder`.
 */
const NOT_OFFERED = new Set(["BracketsDoNotIndexASeries_WriteAt"]);

/**
 * The module's top-level exports a strategy may import. Each file is one `declare module "playground" { … }` block
 * whose members sit two spaces in; deeper exports (inside `namespace commission`) are not the
 * module's own.
 */
export function playgroundExports(dtsTexts: readonly string[]): PlaygroundExport[] {
  const found = new Map<string, PlaygroundExport>();
  const top =
    /^ {2}export (?:declare )?(?:abstract )?(class|function|const|let|namespace|type|interface|enum) ([A-Za-z_$][\w$]*)/gm;
  for (const text of dtsTexts) {
    for (const m of text.matchAll(top)) {
      const word = m[1]!;
      const name = m[2]!;
      const kind: PlaygroundExport["kind"] =
        word === "class" || word === "enum"
          ? "class"
          : word === "function"
            ? "function"
            : word === "namespace"
              ? "namespace"
              : word === "type" || word === "interface"
                ? "type"
                : "value";
      if (!found.has(name) && !NOT_OFFERED.has(name)) found.set(name, { name, kind });
    }
  }
  return [...found.values()];
}
