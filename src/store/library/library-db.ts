/**
 * The library's IndexedDB, through `idb` (a 1 kB promise wrapper over the raw API, kept by
 * the author of the IndexedDB spec's explainer): typed stores, and transactions that are
 * awaited instead of nested callbacks. Raw IndexedDB would be the same calls with more code.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { LibraryEntry } from "./library-entry";

/**
 * An imported CSV file: its bytes as a Blob (IndexedDB keeps a Blob or File as it is, without the
 * page reading it) and the symbols it holds. Versions before the Blob stored `text` instead: such
 * rows are still read (see bootLibrary) and become Blobs the next time the file is saved.
 */
export interface StoredImport {
  name: string;
  file?: Blob;
  /** Only in rows saved by earlier versions. */
  text?: string;
  symbols: string[];
  importedAt: number;
}

interface PlaygroundDb extends DBSchema {
  strategies: { key: string; value: LibraryEntry & { order: number } };
  imports: { key: string; value: StoredImport };
  kv: { key: string; value: unknown };
}

export const DB_NAME = "strategy-playground";
const DB_VERSION = 1;

export type Db = IDBPDatabase<PlaygroundDb>;

export function openLibraryDb(name = DB_NAME): Promise<Db> {
  return openDB<PlaygroundDb>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore("strategies", { keyPath: "id" });
      db.createObjectStore("imports", { keyPath: "name" });
      db.createObjectStore("kv");
    },
  });
}

export interface SavedLibrary {
  entries: LibraryEntry[];
  openId: string | null;
  imports: StoredImport[];
}

export async function readLibrary(db: Db): Promise<SavedLibrary> {
  const rows = await db.getAll("strategies");
  rows.sort((a, b) => a.order - b.order);
  const entries = rows.map(({ order: _order, ...e }) => e);
  const openId = await db.get("kv", "openId");
  const imports = await db.getAll("imports");
  imports.sort((a, b) => a.importedAt - b.importedAt);
  return { entries, openId: typeof openId === "string" ? openId : null, imports };
}

export async function putImport(db: Db, file: StoredImport): Promise<void> {
  await db.put("imports", file);
}

export async function deleteImport(db: Db, name: string): Promise<void> {
  await db.delete("imports", name);
}
