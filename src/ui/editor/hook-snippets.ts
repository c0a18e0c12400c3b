import { importInsert, type TextInsert } from "./import-edit";

/** A strategy hook as the editor offers it inside the class body: its whole method, typed. */
export interface HookSnippet {
  name: string;
  /** Monaco snippet text: `$0` is where the cursor lands. */
  snippet: string;
  /** What the hook is for, shown beside the suggestion. */
  detail: string;
  /** The types its parameters need imported. */
  types: readonly string[];
}

const HOOKS: readonly HookSnippet[] = [
  {
    name: "initialize",
    snippet: 'override initialize(context: Context): void {\n\tcontext.asset = this.symbol("${1:SPY}");$0\n}',
    detail: "once before the first bar: pick assets, settings",
    types: ["Context"],
  },
  {
    name: "handleData",
    snippet: "override handleData(context: Context, data: BarData): void {\n\t$0\n}",
    detail: "every bar: read data, place orders",
    types: ["Context", "BarData"],
  },
  {
    name: "beforeTradingStart",
    snippet: "override beforeTradingStart(context: Context, data: BarData): void {\n\t$0\n}",
    detail: "optional: each new day, before its first bar",
    types: ["Context", "BarData"],
  },
  {
    name: "analyze",
    snippet: "override analyze(context: Context, results: Results): void {\n\t$0\n}",
    detail: "optional: once after the last bar, with the results",
    types: ["Context", "Results"],
  },
];

/** The text of a line before a word that starts a class member: indentation, perhaps `override `. */
export const MEMBER_START = /^(\s*)(override\s+)?$/;

const STRATEGY_CLASS = /\bclass\s+[A-Za-z_$][\w$]*\s+extends\s+TradingAlgorithm\s*\{/g;

/**
 * Whether `offset` is in the body of a class that extends TradingAlgorithm, between its members
 * (not inside a method): counted by braces from the class's opening one, which is what a user
 * writing a first strategy has (braces in strings or comments can fool it; it only offers).
 */
export function inStrategyClassBody(code: string, offset: number): boolean {
  let open = -1;
  for (const m of code.matchAll(STRATEGY_CLASS)) if (m.index + m[0].length <= offset) open = m.index + m[0].length;
  if (open < 0) return false;
  let depth = 1;
  for (let i = open; i < offset; i++) {
    if (code[i] === "{") depth++;
    else if (code[i] === "}" && --depth === 0) return false;
  }
  return depth === 1;
}

/** The hooks the class does not define yet (a name followed by `(` counts as defined). */
export function missingHooks(code: string): HookSnippet[] {
  return HOOKS.filter((h) => !new RegExp(`\\b${h.name}\\s*\\(`).test(code));
}

/**
 * The one edit that imports every type in `names` the code lacks (as `type X`), or null when it
 * has them all: each added in turn, then the difference taken as one insert, so two names going
 * to the same place do not fight over one offset.
 */
export function typeImportsInsert(code: string, names: readonly string[]): TextInsert | null {
  let next = code;
  for (const name of names) {
    const ins = importInsert(next, name, true);
    if (ins) next = next.slice(0, ins.offset) + ins.text + next.slice(ins.offset);
  }
  if (next === code) return null;
  let start = 0;
  while (code[start] === next[start]) start++;
  // Inserts only: what was added is the stretch `next` has beyond the shared start, when the
  // names went to one place (they do: into one pair of braces, or one new line).
  const text = next.slice(start, start + next.length - code.length);
  return code.slice(0, start) + text + code.slice(start) === next ? { offset: start, text } : null;
}
