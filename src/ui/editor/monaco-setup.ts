/// <reference types="vite/client" />
// Loaded only in the editor's lazy chunk: Monaco never weighs on the first paint.
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker?worker";
import { loader } from "@monaco-editor/react";
import playgroundDts from "../../playground/playground.d.ts?raw";
import { editorDts } from "./editor-dts";

/** Where the editor's TypeScript finds `declare module "playground"`. */
export const PLAYGROUND_DTS_URI = "file:///node_modules/@types/playground/index.d.ts";
/** The model's URI: a .ts file, so TypeScript treats it as a module. */
export const STRATEGY_MODEL_URI = "file:///strategy.ts";

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

// @monaco-editor/react would fetch Monaco from a CDN; the app must work offline.
loader.config({ monaco });

const ts = monaco.typescript;
// The same options as the CLI's type check (src/cli/type-check.ts), lib es2022 only: no DOM in strategies.
ts.typescriptDefaults.setCompilerOptions({
  strict: true,
  noImplicitAny: false,
  target: 9 as typeof ts.ScriptTarget.ESNext, // ES2022; Monaco's enum stops at ES2020
  module: ts.ModuleKind.ESNext,
  // Bundler (100), like the CLI; Monaco's enum predates it, and its TypeScript knows it.
  moduleResolution: 100 as typeof ts.ModuleResolutionKind.NodeJs,
  lib: ["es2022"],
  types: [],
  allowNonTsExtensions: true,
});
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
ts.typescriptDefaults.setEagerModelSync(true);
ts.typescriptDefaults.addExtraLib(editorDts(playgroundDts), PLAYGROUND_DTS_URI);

export { monaco };
