import { Parser } from "acorn";

/**
 * Line probes: the compiled strategy calls `LINE_PROBE(n)` at the head of every loop body and
 * at the entry of every function body, n being the line of that loop or function in the user's
 * file (sucrase keeps lines). The run records the last n in shared memory
 * (src/runtime/where-cells.ts), so a Stop or a time limit can name the line the code was stuck
 * on. A probe is one call and one store; a loop without a body `{` gets one.
 */
export const LINE_PROBE = "$$playgroundLine";

/** A probe inserted on a line of the compiled code: errors' columns after it move back by `length`. */
export interface ProbeShift {
  line: number;
  /** 1-based column of the compiled code where the text went in. */
  column: number;
  length: number;
}

interface Node {
  type: string;
  start: number;
  end: number;
  loc?: { start: { line: number; column: number } };
  body?: Node | Node[];
  [key: string]: unknown;
}

interface Insert {
  offset: number;
  text: string;
}

/**
 * acorn without its check for a name declared twice: it searches an array of the scope's names
 * at each declaration, so 100,000 constants in one scope took 23 s. Evaluating the code reports
 * a name declared twice as V8's SyntaxError, as it reports any code acorn could not parse. Made
 * at the first parse (the CLI's strategy thread bundles this file without acorn).
 */
let probeParser: typeof Parser | undefined;
const parserOnce = () =>
  (probeParser ??= Parser.extend(
    (Base) =>
      class extends Base {
        declareName(): void {}
      },
  ));

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);
const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/**
 * The compiled code with its probes, and where they went (to put error columns back). Code
 * acorn cannot parse is returned as it is: evaluating it reports the syntax error.
 */
export function addLineProbes(js: string): { code: string; shifts: ProbeShift[] } {
  let ast: Node;
  try {
    ast = parserOnce().parse(js, {
      ecmaVersion: "latest",
      sourceType: "script",
      locations: true,
      allowReturnOutsideFunction: true,
    }) as unknown as Node;
  } catch {
    return { code: js, shifts: [] };
  }
  const inserts: Insert[] = [];
  const probe = (line: number) => `${LINE_PROBE}(${line});`;
  const visit = (node: Node) => {
    const line = node.loc!.start.line;
    const body = node.body as Node | undefined;
    if ((LOOPS.has(node.type) || FUNCTIONS.has(node.type)) && body && !Array.isArray(body)) {
      if (body.type === "BlockStatement") inserts.push({ offset: body.start + 1, text: probe(line) });
      else if (LOOPS.has(node.type)) {
        inserts.push({ offset: body.start, text: `{${probe(line)}` }, { offset: body.end, text: "}" });
      }
    }
    for (const key of Object.keys(node)) {
      if (key === "loc") continue;
      const v = node[key];
      if (Array.isArray(v)) {
        for (const c of v) if (isNode(c)) visit(c);
      } else if (isNode(v)) visit(v);
    }
  };
  visit(ast);
  inserts.sort((a, b) => a.offset - b.offset);
  const shifts: ProbeShift[] = [];
  let out = "";
  let from = 0;
  let line = 1;
  let lineStart = 0;
  for (const ins of inserts) {
    const chunk = js.slice(from, ins.offset);
    for (let i = chunk.indexOf("\n"); i >= 0; i = chunk.indexOf("\n", i + 1)) {
      line++;
      lineStart = out.length + i + 1;
    }
    out += chunk;
    shifts.push({ line, column: out.length - lineStart + 1, length: ins.text.length });
    out += ins.text;
    from = ins.offset;
  }
  out += js.slice(from);
  return { code: out, shifts };
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as Node).type === "string";
}

/** An error's column in the compiled code, moved back past the probes before it on its line. */
export function unshiftColumn(shifts: readonly ProbeShift[], line: number, column: number): number {
  let c = column;
  for (const s of shifts) if (s.line === line && s.column <= column) c -= s.length;
  return Math.max(1, c);
}
