/**
 * Where to add a name to the strategy's `import { … } from "playground"` (or the line to add
 * when there is none): a pure text edit, so the completion provider and its tests share it.
 */
export interface TextInsert {
  /** Offset in the code where `text` goes. */
  offset: number;
  text: string;
}

const NAMED_IMPORT = /import\s*(type\s+)?\{([^}]*)\}\s*from\s*(["'])playground\3\s*;?/g;
const NAMESPACE_IMPORT = /import\s+(?:type\s+)?\*\s+as\s+[A-Za-z_$][\w$]*\s+from\s*(["'])playground\1/;
const ANY_IMPORT = /^import\b[\s\S]*?from\s*(["'])[^"'\n]+\1;?/gm;

/** The names the code imports from "playground" already (a namespace import counts as all: null). */
export function importedNames(code: string): Set<string> | null {
  if (NAMESPACE_IMPORT.test(code)) return null;
  const names = new Set<string>();
  for (const m of code.matchAll(NAMED_IMPORT)) {
    for (const part of m[2]!.split(",")) {
      const spec = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/);
      const local = (spec[1] ?? spec[0])!.trim();
      if (local) names.add(local);
    }
  }
  return names;
}

/**
 * The insert that imports `name` from "playground" (`type name` for a type): into the first
 * value import's braces, after its last specifier; else a new import line after the code's
 * last import, or at the top. null when the name is imported already.
 */
export function importInsert(code: string, name: string, typeOnly: boolean): TextInsert | null {
  const imported = importedNames(code);
  if (imported === null || imported.has(name)) return null;
  const spec = typeOnly ? `type ${name}` : name;
  for (const m of code.matchAll(NAMED_IMPORT)) {
    if (m[1]) continue; // `import type { … }` cannot take a value
    const open = m.index + m[0].indexOf("{") + 1;
    const body = m[2]!;
    const end = open + body.trimEnd().length;
    const last = body.trimEnd();
    if (last.trim() === "") return { offset: open, text: ` ${spec} ` };
    return { offset: end, text: last.endsWith(",") ? ` ${spec},` : `, ${spec}` };
  }
  const line = `import { ${spec} } from "playground";`;
  let after = -1;
  for (const m of code.matchAll(ANY_IMPORT)) after = m.index + m[0].length;
  return after >= 0 ? { offset: after, text: `\n${line}` } : { offset: 0, text: `${line}\n` };
}
