/// <reference types="vite/client" />
// Loaded only in the editor's lazy chunk: Monaco never weighs on the first paint.
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker?worker";
import { loader } from "@monaco-editor/react";
import { PLAYGROUND_DTS_FILES } from "../../playground/playground-dts-files";
import { editorDts } from "./editor-dts";
import { playgroundExports } from "./playground-exports";
import { registerAutoImport } from "./auto-import-completion";
import { registerHookCompletion } from "./hook-completion";

/** The text of every .d.ts beside the list, bundled as strings; the list says which to load. */
const DTS_TEXTS = import.meta.glob<string>("../../playground/*.d.ts", {
  query: "?raw",
  import: "default",
  eager: true,
});
/** Where the editor's TypeScript finds the parts of `declare module "playground"`. */
const PLAYGROUND_DTS_DIR = "file:///node_modules/@types/playground/";
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
for (const name of PLAYGROUND_DTS_FILES) {
  const text = DTS_TEXTS[`../../playground/${name}`];
  if (text === undefined) throw new Error(`the playground declarations ${name} were not bundled`);
  ts.typescriptDefaults.addExtraLib(editorDts(text), PLAYGROUND_DTS_DIR + name);
}
registerAutoImport(
  monaco,
  playgroundExports(PLAYGROUND_DTS_FILES.map((name) => DTS_TEXTS[`../../playground/${name}`]!)),
);
registerHookCompletion(monaco);

export { monaco };
