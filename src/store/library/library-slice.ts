import type { PlaygroundSettings } from "../playground-settings";
import { BLANK_STRATEGY, entryName, libraryName, makeEntry, uniqueName, type LibraryEntry } from "./library-entry";

/**
 * The user's strategies. The open one's code and settings live in the editor and settings
 * slices while it is open (so typing touches one field); `openEntry` folds them back in.
 */
export interface LibrarySlice {
  library: readonly LibraryEntry[];
  openId: string;
  /** The last deleted entry and where it stood, for Undo. */
  deleted: { entry: LibraryEntry; index: number } | null;
  openStrategy(id: string): void;
  newStrategy(): void;
  /** Adds an entry (an example copy, a link) and opens it; the current entry is kept as it is. */
  addAndOpen(entry: LibraryEntry): void;
  renameStrategy(id: string, name: string): void;
  duplicateStrategy(id: string): void;
  deleteStrategy(id: string): void;
  undoDelete(): void;
}

/** What the library reads and writes of the editor and settings slices (no import of the store: no cycle). */
export interface LibraryHost {
  code: string;
  baseline: string;
  templateTitle: string;
  settings: PlaygroundSettings;
}
type LibraryState = LibraryHost & LibrarySlice;

/** The library with the open entry's live code and settings folded in. */
export function currentLibrary(s: LibraryState): LibraryEntry[] {
  return s.library.map((e) => (e.id === s.openId ? foldOpen(s, e) : e));
}

function foldOpen(s: LibraryState, e: LibraryEntry): LibraryEntry {
  if (e.code === s.code && e.settings === s.settings) return e;
  return {
    ...e,
    code: s.code,
    settings: s.settings,
    name: entryName(e, s.code),
    updatedAt: Date.now(),
  };
}

export function openEntry(s: LibraryState): LibraryEntry | undefined {
  const e = s.library.find((x) => x.id === s.openId);
  return e && foldOpen(s, e);
}

/** The editor and settings fields that show `e`. */
function showing(e: LibraryEntry) {
  return {
    openId: e.id,
    code: e.code,
    baseline: e.baseline ?? e.code,
    templateTitle: e.name,
    settings: e.settings,
  };
}

export const librarySlice =
  (init: { library?: LibraryEntry[]; openId?: string }) =>
  (set: (patch: Partial<LibraryState>) => void, get: () => LibraryState): LibrarySlice => ({
    library: init.library ?? [],
    openId: init.openId ?? init.library?.[0]?.id ?? "",
    deleted: null,
    openStrategy: (id) => {
      const s = get();
      const lib = currentLibrary(s);
      const e = lib.find((x) => x.id === id);
      if (e) set({ library: lib, ...showing(e) });
    },
    newStrategy: () => {
      const s = get();
      const e = makeEntry({ code: BLANK_STRATEGY, settings: s.settings, origin: "own" }, Date.now());
      get().addAndOpen({
        ...e,
        name: uniqueName(
          "My Strategy",
          s.library.map((x) => x.name),
        ),
        autoName: false,
      });
    },
    addAndOpen: (entry) => {
      const lib = currentLibrary(get());
      set({ library: [...lib, entry], ...showing(entry) });
    },
    renameStrategy: (id, name) => {
      const clean = libraryName(name);
      if (!clean) return;
      const lib = currentLibrary(get()).map((e) => (e.id === id ? { ...e, name: clean, autoName: false } : e));
      set({ library: lib, ...(id === get().openId ? { templateTitle: clean } : {}) });
    },
    duplicateStrategy: (id) => {
      const lib = currentLibrary(get());
      const src = lib.find((e) => e.id === id);
      if (!src) return;
      const copy = makeEntry({ code: src.code, settings: src.settings, origin: "own" }, Date.now());
      const named = {
        ...copy,
        name: uniqueName(
          `${src.name} copy`,
          lib.map((e) => e.name),
        ),
        autoName: false,
      };
      set({ library: [...lib, named], ...showing(named) });
    },
    deleteStrategy: (id) => {
      const s = get();
      const lib = currentLibrary(s);
      const index = lib.findIndex((e) => e.id === id);
      if (index < 0) return;
      let rest = lib.filter((e) => e.id !== id);
      // The library is never empty: deleting the last strategy leaves a blank one.
      if (rest.length === 0)
        rest = [
          {
            ...makeEntry({ code: BLANK_STRATEGY, settings: s.settings, origin: "own" }, Date.now()),
            name: "My Strategy",
            autoName: false,
          },
        ];
      const next = id === s.openId ? showing(rest[Math.min(index, rest.length - 1)]) : {};
      set({ library: rest, deleted: { entry: lib[index], index }, ...next });
    },
    undoDelete: () => {
      const s = get();
      if (!s.deleted) return;
      const lib = currentLibrary(s);
      const { entry, index } = s.deleted;
      const restored = [...lib.slice(0, index), entry, ...lib.slice(index)];
      set({ library: restored, deleted: null, ...showing(entry) });
    },
  });
