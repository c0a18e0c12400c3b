import { createStore, type StateCreator } from "zustand/vanilla";
import { useStore } from "zustand";
import type { WorkerMessage } from "../runtime/protocol";
import {
  beginRun,
  emptyResults,
  endRun,
  IDLE_RUN,
  reduceWorkerMessage,
  reduceWorkerMessages,
  type RunState,
  type ResultsState,
} from "./run-results";
import type { Where } from "../runtime/where-cells";
import type { StagedBatches } from "./batch-stage";
import { DEFAULT_PLAYGROUND_SETTINGS, type PlaygroundSettings } from "./playground-settings";
import { makeEntry, type LibraryEntry } from "./library/library-entry";
import { librarySlice, type LibrarySlice } from "./library/library-slice";
import { shareSlice, type ShareSlice } from "./share-slice";
import { importSlice, type ImportSlice, type ImportedCsv } from "./import-slice";
export type { ImportedCsv } from "./import-slice";

/** The strategy being edited. */
export interface EditorSlice {
  code: string;
  /** The template the code started from; edits differ from it ("unsaved" for the gallery). */
  baseline: string;
  /** Title of the example loaded last, for the toolbar. */
  templateTitle: string;
  setCode(code: string): void;
  loadTemplate(code: string, title: string): void;
}

/**
 * What the editor's TypeScript check said of the code when Run was pressed: its first error and
 * how many. The page runs such code (JavaScript does not need the types); the CLI refuses it.
 */
export interface TypeErrorsAtRun {
  count: number;
  line: number;
  column: number;
  message: string;
}

/** The current run and what it produced. */
export interface RunSlice {
  run: RunState;
  results: ResultsState;
  /** The editor's type errors as the current run started (null: none, or the editor was not up). */
  typeErrorsAtRun: TypeErrorsAtRun | null;
  startRun(runId: number, now: number, typeErrors?: TypeErrorsAtRun | null): void;
  /** Every worker message enters the store here, and only here. */
  applyWorkerMessage(msg: WorkerMessage, now: number): void;
  /** Several messages in order, as one change (one render for several batches). */
  applyWorkerMessages(msgs: readonly WorkerMessage[], now: number): void;
  /**
   * Batches folded as they came (batch-stage.ts), as one change: what applyWorkerMessages would
   * make of them; nothing when the run or results changed since they were folded onto them.
   */
  showStagedBatches(staged: StagedBatches): void;
  endRun(why: "stopped" | "timeout", now: number, where?: Where): void;
}

export interface SettingsSlice {
  settings: PlaygroundSettings;
  updateSettings(patch: Partial<PlaygroundSettings>): void;
  updateRunSettings(patch: Partial<PlaygroundSettings["run"]>): void;
}

export interface DataSlice {
  imported: ImportedCsv[];
  importError: string | null;
  addImport(csv: ImportedCsv): void;
  removeImport(name: string): void;
  setImportError(message: string | null): void;
}

export type Theme = "dark" | "light";
export type BottomTab = "orders" | "fills" | "trades" | "metrics" | "log";
export type Panel = "none" | "settings" | "examples" | "library" | "data";

export interface UiSlice {
  theme: Theme;
  bottomTab: BottomTab;
  panel: Panel;
  /** The symbol the price chart shows. */
  chartSymbol: string;
  /**
   * Where a click (Log line, blotter row, transition, trade, fill) asks the charts to go, and
   * the order to highlight there; seq makes repeated clicks count.
   */
  chartFocus: { time: number; orderId: string | null; seq: number } | null;
  /** Where a click on an error's "line 11:27" asks the editor to put its cursor; seq as above. */
  codeFocus: { line: number; column: number; seq: number } | null;
  setTheme(theme: Theme): void;
  setBottomTab(tab: BottomTab): void;
  setPanel(panel: Panel): void;
  setChartSymbol(symbol: string): void;
  focusChart(time: number, orderId?: string | null): void;
  focusCode(line: number, column?: number): void;
}

export type PlaygroundState = EditorSlice &
  RunSlice &
  SettingsSlice &
  DataSlice &
  UiSlice &
  LibrarySlice &
  ShareSlice &
  ImportSlice;

type Slice<T> = StateCreator<PlaygroundState, [], [], T>;

export interface InitialState {
  code: string;
  baseline?: string;
  templateTitle?: string;
  settings?: PlaygroundSettings;
  theme?: Theme;
  library?: LibraryEntry[];
  openId?: string;
  imported?: ImportedCsv[];
}

const editorSlice =
  (init: InitialState): Slice<EditorSlice> =>
  (set, get) => ({
    code: init.code,
    baseline: init.baseline ?? init.code,
    templateTitle: init.templateTitle ?? "",
    setCode: (code) => set({ code }),
    // An example is copied into the library; an untouched example copy is swapped in place, so
    // browsing examples does not pile up copies, and nothing the user wrote is ever replaced.
    loadTemplate: (code, title) => {
      const s = get();
      const open = s.library.find((e) => e.id === s.openId);
      if (open && open.origin === "example" && s.code === s.baseline) {
        const swapped = { ...open, code, baseline: code, name: title, autoName: true, updatedAt: Date.now() };
        set({
          library: s.library.map((e) => (e.id === open.id ? swapped : e)),
          code,
          baseline: code,
          templateTitle: title,
        });
        return;
      }
      const entry = makeEntry(
        { code, baseline: code, settings: s.settings, origin: "example", name: title },
        Date.now(),
      );
      s.addAndOpen(entry);
    },
  });

const runSlice: Slice<RunSlice> = (set) => ({
  run: IDLE_RUN,
  results: emptyResults(),
  typeErrorsAtRun: null,
  startRun: (runId, now, typeErrors = null) => set({ ...beginRun(runId, now), typeErrorsAtRun: typeErrors }),
  applyWorkerMessage: (msg, now) => set((s) => reduceWorkerMessage(s, msg, now)),
  applyWorkerMessages: (msgs, now) => set((s) => reduceWorkerMessages({ run: s.run, results: s.results }, msgs, now)),
  showStagedBatches: ({ base, next }) =>
    set((s) => (s.run === base.run && s.results === base.results ? { run: next.run, results: next.results } : s)),
  endRun: (why, now, where) => set((s) => endRun(s, why, now, s.settings.timeLimitSec, where)),
});

const settingsSlice =
  (init: InitialState): Slice<SettingsSlice> =>
  (set) => ({
    settings: init.settings ?? DEFAULT_PLAYGROUND_SETTINGS,
    updateSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
    updateRunSettings: (patch) => set((s) => ({ settings: { ...s.settings, run: { ...s.settings.run, ...patch } } })),
  });

const dataSlice =
  (init: InitialState): Slice<DataSlice> =>
  (set) => ({
    imported: init.imported ?? [],
    importError: null,
    // A re-import of the same file name replaces the earlier one.
    addImport: (csv) =>
      set((s) => ({ imported: [...s.imported.filter((c) => c.name !== csv.name), csv], importError: null })),
    // A removed file's symbols leave the symbols setting too: a setting that named only them
    // would leave the next run without data (empty, it is every sample again).
    removeImport: (name) =>
      set((s) => {
        const gone = new Set(s.imported.find((c) => c.name === name)?.symbols);
        const symbols = s.settings.symbols.filter((x) => !gone.has(x));
        const imported = s.imported.filter((c) => c.name !== name);
        return symbols.length === s.settings.symbols.length
          ? { imported }
          : { imported, settings: { ...s.settings, symbols } };
      }),
    setImportError: (importError) => set({ importError }),
  });

const uiSlice =
  (init: InitialState): Slice<UiSlice> =>
  (set) => ({
    theme: init.theme ?? "dark",
    bottomTab: "orders",
    panel: "none",
    chartSymbol: "SPY",
    chartFocus: null,
    codeFocus: null,
    setTheme: (theme) => set({ theme }),
    setBottomTab: (bottomTab) => set({ bottomTab }),
    setPanel: (panel) => set({ panel }),
    setChartSymbol: (chartSymbol) => set({ chartSymbol }),
    focusChart: (time, orderId = null) =>
      set((s) => ({ chartFocus: { time, orderId, seq: (s.chartFocus?.seq ?? 0) + 1 } })),
    focusCode: (line, column = 1) => set((s) => ({ codeFocus: { line, column, seq: (s.codeFocus?.seq ?? 0) + 1 } })),
  });

/** One store, built from slices (style rule 9). Tests make their own with this. */
export function createPlaygroundStore(init: InitialState) {
  return createStore<PlaygroundState>()((...a) => ({
    ...editorSlice(init)(...a),
    ...runSlice(...a),
    ...settingsSlice(init)(...a),
    ...dataSlice(init)(...a),
    ...uiSlice(init)(...a),
    ...librarySlice(init)(a[0], a[1]),
    ...shareSlice(a[0]),
    ...importSlice(a[0]),
  }));
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

let appStore: PlaygroundStore | null = null;

/** The page's store; main.tsx creates it once with what localStorage holds. */
export function initAppStore(init: InitialState): PlaygroundStore {
  appStore = createPlaygroundStore(init);
  return appStore;
}

export function appStoreApi(): PlaygroundStore {
  if (!appStore) throw new Error("the store is not initialised; call initAppStore first");
  return appStore;
}

/** Components select narrow slices: `usePlayground((s) => s.run.status)`. */
export function usePlayground<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(appStoreApi(), selector);
}
