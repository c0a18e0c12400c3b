import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { bootLibrary } from "../../../src/store/library/boot-library";
import { openLibraryDb } from "../../../src/store/library/library-db";
import { persistLibrary } from "../../../src/store/library/persist-library";
import { STORAGE_KEYS } from "../../../src/store/persistence";
import { createPlaygroundStore } from "../../../src/store/store";

const DEFAULT_CODE = "export default class BuyAndHold {}\n";

function memoryStorage(items: Record<string, string> = {}) {
  const m = new Map(Object.entries(items));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

let dbCount = 0;
const freshDb = () => openLibraryDb(`test-${++dbCount}`);

describe("the library in IndexedDB", () => {
  it("moves code saved in localStorage by an older version into the library on first load", async () => {
    const db = await freshDb();
    const storage = memoryStorage({ [STORAGE_KEYS.code]: "export default class OldWork {}\n" });
    const init = await bootLibrary(db, storage, DEFAULT_CODE, "Buy and Hold");
    expect(init.library?.map((e) => [e.name, e.code, e.origin])).toEqual([
      ["Old Work", "export default class OldWork {}\n", "own"],
    ]);
    const stop = persistLibrary(createPlaygroundStore(init), db, 0);
    await stop();
    const again = await bootLibrary(db, memoryStorage(), DEFAULT_CODE, "Buy and Hold");
    expect(again.code).toBe("export default class OldWork {}\n");
  });

  it("keeps every edit, the open strategy and the imports across a reload", async () => {
    const db = await freshDb();
    const store = createPlaygroundStore(await bootLibrary(db, memoryStorage(), DEFAULT_CODE, "Buy and Hold"));
    const stop = persistLibrary(store, db, 0);
    store.getState().setCode("export default class Edited {}\n");
    store.getState().newStrategy();
    store.getState().setCode("export default class Second {}\n");
    const csv = "date,open,high,low,close,volume\n";
    store.getState().addImport({ name: "MINE.csv", file: new Blob([csv]), text: csv, symbols: ["MINE"] });
    await stop();
    const init = await bootLibrary(db, memoryStorage(), DEFAULT_CODE, "Buy and Hold");
    expect(init.library?.map((e) => e.code)).toEqual([
      "export default class Edited {}\n",
      "export default class Second {}\n",
    ]);
    expect(init.code).toBe("export default class Second {}\n");
    expect(init.imported?.map((f) => f.name)).toEqual(["MINE.csv"]);
  });

  it("forgets a deleted strategy and a removed import", async () => {
    const db = await freshDb();
    const store = createPlaygroundStore(await bootLibrary(db, memoryStorage(), DEFAULT_CODE, "Buy and Hold"));
    const stop = persistLibrary(store, db, 0);
    store.getState().newStrategy();
    store.getState().addImport({ name: "MINE.csv", file: new Blob(["x"]), text: "x", symbols: ["MINE"] });
    await new Promise((r) => setTimeout(r, 20));
    store.getState().deleteStrategy(store.getState().openId);
    store.getState().removeImport("MINE.csv");
    await stop();
    const init = await bootLibrary(db, memoryStorage(), DEFAULT_CODE, "Buy and Hold");
    expect(init.library).toHaveLength(1);
    expect(init.imported).toEqual([]);
  });
});
