import { LINE_PROBE } from "./line-probes";
import { UserFacingError } from "./user-error";

/**
 * Text the sandbox (SES) refuses to evaluate, wherever it appears — code, string or comment —
 * because it cannot tell those apart without a full parser: a dynamic `import(` would load
 * code outside the sandbox, `<!--` / `-->` are HTML comments that hide code from a scanner,
 * and a direct `eval(` would see the evaluator's scope. The patterns are SES's own, and the line
 * probe's name.
 */
const REJECTED: ReadonlyArray<{ pattern: RegExp; what: string; hint: string }> = [
  {
    pattern: /(^|[^.]|\.\.\.)\bimport(\s*(?:\(|\/[/*]))/g,
    what: "`import(`",
    hint: 'strategies cannot load code at run time; import only from "playground", at the top of the file',
  },
  { pattern: /<!--|-->/g, what: "`<!--` or `-->`", hint: 'write it another way, e.g. "<" + "!--"' },
  {
    pattern: /(^|[^.])\beval(\s*\()/g,
    what: "`eval(`",
    hint: "strategies cannot evaluate code at run time",
  },
  // Not SES's: the line probe is in the scope of the user's code (line-probes.ts), and calling it
  // would make Stop and the time limit name a line the run is not on.
  {
    pattern: new RegExp(LINE_PROBE.replace(/\$/g, "\\$"), "g"),
    what: `\`${LINE_PROBE}\``,
    hint: "the name is the playground's own: it records the line a run is on",
  },
];

/**
 * The first text of `source` the sandbox would refuse, as a located compile error (null when
 * there is none). Called on the user's own source, so line and column are theirs.
 */
export function findRejectedText(source: string, fileName: string): UserFacingError | null {
  let first: { index: number; what: string; hint: string } | null = null;
  for (const r of REJECTED) {
    r.pattern.lastIndex = 0;
    const m = r.pattern.exec(source);
    if (!m) continue;
    // Skip the character the pattern needed before the keyword.
    const index = m.index + (m[1]?.length ?? 0);
    if (!first || index < first.index) first = { index, what: r.what, hint: r.hint };
  }
  if (!first) return null;
  const before = source.slice(0, first.index);
  const line = before.split("\n").length;
  const column = first.index - before.lastIndexOf("\n");
  return new UserFacingError({
    kind: "compile",
    message:
      `the sandbox refuses ${first.what} anywhere in a strategy, even in a comment or a string ` +
      `(it cannot tell them apart from code): ${first.hint}`,
    file: fileName,
    line,
    column,
  });
}
