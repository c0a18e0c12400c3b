import type * as Monaco from "monaco-editor";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { exposeDebugApi } from "../../../src/ui/editor/test-hooks";

type Answer = "fails" | "answers" | "never";

/** A Monaco whose TypeScript worker answers each diagnostics request as the script says, in turn. */
function monacoAnswering(script: Answer[]) {
  let asked = 0;
  const getSemanticDiagnostics = () => {
    const answer = script[Math.min(asked++, script.length - 1)];
    if (answer === "fails") return Promise.reject(new Error("TypeScript not registered!"));
    if (answer === "answers") return Promise.resolve([]);
    return new Promise<never>(() => undefined);
  };
  const monaco = {
    typescript: {
      getTypeScriptWorker: () => Promise.resolve(() => Promise.resolve({ getSemanticDiagnostics })),
    },
  } as unknown as typeof Monaco;
  const editor = { getModel: () => ({ uri: { toString: () => "file:///strategy.ts" } }) };
  return { monaco, editor: editor as unknown as Monaco.editor.IStandaloneCodeEditor, asked: () => asked };
}

const ready = () => (globalThis as unknown as { window: { playground: { languageReady: boolean } } }).window.playground;

describe("the editor's language-ready flag", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("window", {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("turns true after a first request that failed, once a later one answers", async () => {
    const m = monacoAnswering(["fails", "answers"]);
    exposeDebugApi(m.monaco, m.editor);
    await vi.advanceTimersByTimeAsync(0);
    expect(ready().languageReady).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.asked()).toBe(2);
    expect(ready().languageReady).toBe(true);
  });

  it("asks again when a request goes unanswered, and not before its patience runs out", async () => {
    const m = monacoAnswering(["never", "answers"]);
    exposeDebugApi(m.monaco, m.editor);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(m.asked()).toBe(1);
    expect(ready().languageReady).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.asked()).toBe(2);
    expect(ready().languageReady).toBe(true);
  });

  it("gives up after ten requests and leaves the flag false", async () => {
    const m = monacoAnswering(["fails"]);
    exposeDebugApi(m.monaco, m.editor);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(m.asked()).toBe(10);
    expect(ready().languageReady).toBe(false);
  });
});
