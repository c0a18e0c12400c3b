import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TS from "typescript";
import { PLAYGROUND_DTS_FILES } from "../playground/playground-dts-files";

const DTS_DIR = fileURLToPath(new URL("../playground/", import.meta.url));
const require = createRequire(import.meta.url);

let loaded: typeof TS | undefined;
/** TypeScript itself (9 MB of JavaScript, half a second to load): only when a check has to run. */
function typescript(): typeof TS {
  return (loaded ??= require("typescript") as typeof TS);
}

/** The version of TypeScript that checks strategies, read without loading it. */
export function typescriptVersion(): string {
  return (JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")) as { version: string }).version;
}

/** The "playground" declarations strategies are checked against: virtual path → text. */
export function playgroundDeclarations(): Map<string, string> {
  return new Map(
    PLAYGROUND_DTS_FILES.map((name) => [`/__playground__/${name}`, readFileSync(join(DTS_DIR, name), "utf8")] as const),
  );
}

/** Options users' strategies are checked with, in the editor and here alike. */
export function strategyCompilerOptions(): TS.CompilerOptions {
  const ts = typescript();
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [],
    strict: true,
    // zipline users write `initialize(context)` without a type (docs/strategy-api.md); allow that.
    noImplicitAny: false,
    noEmit: true,
    skipLibCheck: true,
  };
}

export interface TypeDiagnostic {
  line: number;
  column: number;
  message: string;
}

/** Type-check one strategy file against the "playground" declarations. */
export function typeCheckStrategy(
  fileName: string,
  source: string,
  declarations = playgroundDeclarations(),
): TypeDiagnostic[] {
  const ts = typescript();
  const options = strategyCompilerOptions();
  const files = new Map([[fileName, source], ...declarations]);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, onError);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === fileName)
    .map((d) => {
      const pos = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return {
        line: pos.line + 1,
        column: pos.character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      };
    });
}
