import { parsePlaygroundSettings } from "./playground-settings";
import type { InitialState, PlaygroundState, PlaygroundStore, Theme } from "./store";
import { debouncedSave } from "./debounced-save";

/** Versioned keys: a future format gets new keys instead of misreading old saves. */
export const STORAGE_KEYS = {
  code: "sp.code.v1",
  baseline: "sp.baseline.v1",
  title: "sp.title.v1",
  settings: "sp.settings.v1",
  theme: "sp.theme.v1",
} as const;

type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

function read(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** What the page starts with: the saved code and settings, else the defaults. */
export function loadInitialState(storage: KeyValueStorage, defaultCode: string, defaultTitle: string): InitialState {
  const code = read(storage, STORAGE_KEYS.code);
  const theme = read(storage, STORAGE_KEYS.theme);
  let settings: unknown = null;
  try {
    settings = JSON.parse(read(storage, STORAGE_KEYS.settings) ?? "null");
  } catch {
    settings = null;
  }
  const saved = code !== null && code.trim() !== "";
  return {
    code: saved ? code : defaultCode,
    baseline: saved ? (read(storage, STORAGE_KEYS.baseline) ?? defaultCode) : defaultCode,
    templateTitle: saved ? (read(storage, STORAGE_KEYS.title) ?? "") : defaultTitle,
    settings: parsePlaygroundSettings(settings),
    theme: theme === "light" || theme === "dark" ? (theme as Theme) : "dark",
  };
}

/** Autosaves code, settings and theme, at most every `delayMs`. Returns an unsubscribe. */
export function persistStore(store: PlaygroundStore, storage: KeyValueStorage, delayMs = 300): () => void {
  const save = () => {
    const s = store.getState();
    try {
      storage.setItem(STORAGE_KEYS.code, s.code);
      storage.setItem(STORAGE_KEYS.baseline, s.baseline);
      storage.setItem(STORAGE_KEYS.title, s.templateTitle);
      storage.setItem(STORAGE_KEYS.settings, JSON.stringify(s.settings));
      storage.setItem(STORAGE_KEYS.theme, s.theme);
    } catch {
      // Storage full or disabled (private mode): autosave is a convenience, not a requirement.
    }
  };
  const changed = (s: PlaygroundState, prev: PlaygroundState) =>
    s.code !== prev.code || s.settings !== prev.settings || s.theme !== prev.theme || s.baseline !== prev.baseline;
  return debouncedSave(store, changed, save, delayMs).stop;
}
