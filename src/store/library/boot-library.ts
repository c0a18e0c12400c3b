import { loadInitialState } from "../persistence";
import { parsePlaygroundSettings } from "../playground-settings";
import { OPEN_COPY_KEY } from "./persist-library";
import type { ImportedCsv, InitialState } from "../store";
import { TEXT_KEPT_BELOW_CHARS } from "../../runtime/import-protocol";
import { readLibrary, type Db, type StoredImport } from "./library-db";
import { makeEntry, nameFromCode } from "./library-entry";

type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

/** The open strategy's localStorage copy when it is newer than what IndexedDB holds. */
function newerOpenCopy(
  storage: KeyValueStorage,
  id: string,
  updatedAt: number,
): { code: string; settings: unknown; at: number } | null {
  try {
    const c = JSON.parse(storage.getItem(OPEN_COPY_KEY) ?? "null") as Record<string, unknown> | null;
    if (!c || c.id !== id || typeof c.code !== "string" || typeof c.at !== "number" || c.at <= updatedAt) return null;
    return { code: c.code, settings: c.settings, at: c.at };
  } catch {
    return null;
  }
}

/**
 * A stored import as the page holds it: its Blob, and its text only when it is short enough for a
 * share link. A row of an earlier version (a `text` string) is read too: its text becomes a Blob.
 */
async function importedOf(f: StoredImport): Promise<ImportedCsv> {
  const { name, symbols } = f;
  if (f.file === undefined) {
    const text = f.text ?? "";
    return { name, file: new Blob([text]), symbols, ...(text.length < TEXT_KEPT_BELOW_CHARS ? { text } : {}) };
  }
  // UTF-8 takes at least one byte a character: a file of fewer bytes is certainly short enough.
  // A stored Blob whose bytes the browser lost (Chromium keeps them in a file of its own) rejects:
  // the file stays listed, as a big one is, and the page still starts with the user's strategies.
  const text = f.file.size < TEXT_KEPT_BELOW_CHARS * 4 ? await f.file.text().catch(() => undefined) : undefined;
  return {
    name,
    file: f.file,
    symbols,
    ...(text !== undefined && text.length < TEXT_KEPT_BELOW_CHARS ? { text } : {}),
  };
}

/**
 * What the page starts with: the IndexedDB library when there is one; on the first load the
 * code localStorage saved before the library existed becomes its first strategy (nothing
 * typed before this version is lost); else the default example. `db` null (IndexedDB refused,
 * as in some private modes) gives the same start, kept only in memory and localStorage.
 */
export async function bootLibrary(
  db: Db | null,
  storage: KeyValueStorage,
  defaultCode: string,
  defaultTitle: string,
): Promise<InitialState> {
  const legacy = loadInitialState(storage, defaultCode, defaultTitle);
  const saved = db ? await readLibrary(db).catch(() => null) : null;
  const imported = await Promise.all((saved?.imports ?? []).map(importedOf));
  if (saved && saved.entries.length > 0) {
    let open = saved.entries.find((e) => e.id === saved.openId) ?? saved.entries[0];
    const copy = newerOpenCopy(storage, open.id, open.updatedAt);
    if (copy) {
      open = { ...open, code: copy.code, settings: parsePlaygroundSettings(copy.settings), updatedAt: copy.at };
      saved.entries = saved.entries.map((e) => (e.id === open.id ? open : e));
    }
    return {
      theme: legacy.theme,
      code: open.code,
      baseline: open.baseline ?? open.code,
      templateTitle: open.name,
      settings: open.settings,
      library: saved.entries,
      openId: open.id,
      imported,
    };
  }
  const fromExample = legacy.code === legacy.baseline && legacy.code === defaultCode;
  const first = makeEntry(
    {
      code: legacy.code,
      settings: legacy.settings!,
      origin: fromExample ? "example" : "own",
      ...(fromExample ? { baseline: defaultCode, name: defaultTitle } : {}),
    },
    Date.now(),
  );
  const entry = fromExample ? first : { ...first, name: nameFromCode(legacy.code, "My Strategy") };
  return {
    ...legacy,
    templateTitle: entry.name,
    library: [entry],
    openId: entry.id,
    imported,
  };
}
