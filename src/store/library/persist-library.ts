import type { PlaygroundState, PlaygroundStore } from "../store";
import { debouncedSave } from "../debounced-save";
import { currentLibrary } from "./library-slice";
import { deleteImport, putImport, type Db } from "./library-db";
import type { LibraryEntry } from "./library-entry";

/** localStorage key of the open strategy's last copy (see boot-library). */
export const OPEN_COPY_KEY = "sp.open-copy.v1";

const signature = (e: LibraryEntry) => `${e.name}\u0000${e.autoName}\u0000${e.code}\u0000${JSON.stringify(e.settings)}`;

/**
 * Autosaves the library and the imported files to IndexedDB on every change, at most
 * `delayMs` after it (so a crashed tab loses at most that much typing), and at once when the
 * tab is hidden. Only what changed is written. Returns a function that flushes and stops.
 */
export function persistLibrary(
  store: PlaygroundStore,
  db: Db,
  delayMs = 250,
  storage?: Pick<Storage, "setItem">,
): () => Promise<void> {
  // Empty at first, so the first save writes the whole library (a migrated one is not in the database yet).
  const written = new Map<string, string>();
  // The Blob object each file was written as (a new import, even of the same name, is a new Blob).
  const importsWritten = new Map(store.getState().imported.map((f) => [f.name, f.file]));
  let openWritten = "";
  let chain: Promise<void> = Promise.resolve();

  const save = () => {
    const s = store.getState();
    const lib = currentLibrary(s);
    // IndexedDB commits after the tab may be gone (a reload right after typing): the open
    // strategy also goes to localStorage at once, and the next start takes the newer copy.
    try {
      storage?.setItem(
        OPEN_COPY_KEY,
        JSON.stringify({ id: s.openId, code: s.code, settings: s.settings, at: Date.now() }),
      );
    } catch {
      // Storage full or refused: IndexedDB still has it.
    }
    const puts = lib.flatMap((e, order) => (written.get(e.id) === signature(e) ? [] : [{ ...e, order }]));
    const orderChanged = lib.length !== written.size || lib.some((e) => !written.has(e.id));
    const gone = [...written.keys()].filter((id) => !lib.some((e) => e.id === id));
    for (const id of gone) written.delete(id);
    for (const e of lib) written.set(e.id, signature(e));
    const openId = s.openId;
    const openChanged = openId !== openWritten;
    openWritten = openId;
    const fileNames = new Set(s.imported.map((f) => f.name));
    const importPuts = s.imported.filter((f) => importsWritten.get(f.name) !== f.file);
    const importGone = [...importsWritten.keys()].filter((n) => !fileNames.has(n));
    for (const n of importGone) importsWritten.delete(n);
    for (const f of importPuts) importsWritten.set(f.name, f.file);
    chain = chain.then(async () => {
      try {
        if (puts.length > 0 || gone.length > 0 || openChanged || orderChanged) {
          const tx = db.transaction(["strategies", "kv"], "readwrite");
          const st = tx.objectStore("strategies");
          // Positions shift when one is deleted or added: rewrite every order then.
          const all = orderChanged ? lib.map((e, order) => ({ ...e, order })) : puts;
          await Promise.all([
            ...gone.map((id) => st.delete(id)),
            ...all.map((e) => st.put(e)),
            tx.objectStore("kv").put(openId, "openId"),
            tx.done,
          ]);
        }
        for (const n of importGone) await deleteImport(db, n);
        // The Blob as it is (structured clone of a handle): never a big string built on the page.
        for (const f of importPuts)
          await putImport(db, { name: f.name, file: f.file, symbols: f.symbols, importedAt: Date.now() });
      } catch (e) {
        // Quota or a closed database: the page keeps working, and says so in the console.
        console.warn("saving the library failed", e);
      }
    });
  };
  const changed = (s: PlaygroundState, prev: PlaygroundState) =>
    s.code !== prev.code ||
    s.settings !== prev.settings ||
    s.library !== prev.library ||
    s.openId !== prev.openId ||
    s.imported !== prev.imported;
  const saver = debouncedSave(store, changed, save, delayMs, { saveFirst: true });
  return async () => {
    saver.stop();
    await chain;
  };
}
