import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { PLAYGROUND_DTS_FILES } from "../playground/playground-dts-files";

const DTS_DIR = fileURLToPath(new URL("../playground/", import.meta.url));

/** Options users' strategies are checked with, in the editor and here alike. */
export const STRATEGY_COMPILER_OPTIONS: ts.CompilerOptions = {
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

export interface TypeDiagnostic {
  line: number;
  column: number;
  message: string;
}

/** Type-check one strategy file against the "playground" declarations. */
export function typeCheckStrategy(fileName: string, source: string): TypeDiagnostic[] {
  const files = new Map([
    [fileName, source],
    ...PLAYGROUND_DTS_FILES.map(
      (name) => [`/__playground__/${name}`, readFileSync(join(DTS_DIR, name), "utf8")] as const,
    ),
  ]);
  const host = ts.createCompilerHost(STRATEGY_COMPILER_OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, onError);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], STRATEGY_COMPILER_OPTIONS, host);
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
