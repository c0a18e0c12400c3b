/**
 * The library's IndexedDB, through `idb` (a 1 kB promise wrapper over the raw API, kept by
 * the author of the IndexedDB spec's explainer): typed stores, and transactions that are
 * awaited instead of nested callbacks. Raw IndexedDB would be the same calls with more code.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { LibraryEntry } from "./library-entry";

/** An imported CSV file: its text (what the run worker parses) and the symbols it holds. */
export interface StoredImport {
  name: string;
  text: string;
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
