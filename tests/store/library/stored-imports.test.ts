import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { TEXT_KEPT_BELOW_CHARS } from "../../../src/runtime/import-protocol";
import { bootLibrary } from "../../../src/store/library/boot-library";
import { openLibraryDb, putImport } from "../../../src/store/library/library-db";
import { persistLibrary } from "../../../src/store/library/persist-library";
import { createPlaygroundStore } from "../../../src/store/store";

const DEFAULT_CODE = "export default class BuyAndHold {}\n";
const noStorage = () => ({ getItem: () => null, setItem: () => undefined });

let dbCount = 0;
const freshDb = () => openLibraryDb(`stored-imports-${++dbCount}`);

/** A CSV of `rows` daily bars for `symbol` (about 50 characters a row). */
function csvOf(symbol: string, rows: number): string {
  const lines = ["date,symbol,open,high,low,close,volume"];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${symbol},${100 + (i % 7)},${102 + (i % 7)},${99 + (i % 7)},${101 + (i % 7)},${1000 + i}`);
  }
  return lines.join("\n") + "\n";
}

describe("imported files in IndexedDB", () => {
  it("are stored as the Blob the user chose, not as text, and read back byte for byte", async () => {
    const db = await freshDb();
    const store = createPlaygroundStore(await bootLibrary(db, noStorage(), DEFAULT_CODE, "Buy and Hold"));
    const stop = persistLibrary(store, db, 0);
    const big = csvOf("BIG", 4000);
    expect(big.length).toBeGreaterThanOrEqual(TEXT_KEPT_BELOW_CHARS);
    store.getState().addImport({ name: "BIG.csv", file: new Blob([big]), symbols: ["BIG"] });
    await stop();
    const row = await db.get("imports", "BIG.csv");
    expect(row?.file).toBeInstanceOf(Blob);
    expect(row?.text).toBeUndefined();
    const init = await bootLibrary(db, noStorage(), DEFAULT_CODE, "Buy and Hold");
    const [file] = init.imported ?? [];
    expect(file.symbols).toEqual(["BIG"]);
    expect(await file.file.text()).toBe(big);
    // Too long for a share link: the page does not decode it.
    expect(file.text).toBeUndefined();
  });

  it("come back with their text when a share link could carry them", async () => {
    const db = await freshDb();
    const store = createPlaygroundStore(await bootLibrary(db, noStorage(), DEFAULT_CODE, "Buy and Hold"));
    const stop = persistLibrary(store, db, 0);
    const small = csvOf("SMALL", 20);
    store.getState().addImport({ name: "SMALL.csv", file: new Blob([small]), text: small, symbols: ["SMALL"] });
    await stop();
    const init = await bootLibrary(db, noStorage(), DEFAULT_CODE, "Buy and Hold");
    expect(init.imported?.map((f) => f.text)).toEqual([small]);
  });

  it("saved as text by an earlier version still load after a reload, small and big", async () => {
    const db = await freshDb();
    const small = csvOf("OLD", 20);
    const big = csvOf("OLDBIG", 4000);
    await putImport(db, { name: "OLD.csv", text: small, symbols: ["OLD"], importedAt: 1 });
    await putImport(db, { name: "OLDBIG.csv", text: big, symbols: ["OLDBIG"], importedAt: 2 });
    const init = await bootLibrary(db, noStorage(), DEFAULT_CODE, "Buy and Hold");
    const [old, oldBig] = init.imported ?? [];
    expect([old.name, old.symbols, old.text]).toEqual(["OLD.csv", ["OLD"], small]);
    expect(await old.file.text()).toBe(small);
    expect(oldBig.name).toBe("OLDBIG.csv");
    expect(await oldBig.file.text()).toBe(big);
    expect(oldBig.text).toBeUndefined();
  });
});

describe("a stored file the browser can no longer read", () => {
  it("does not keep the page from starting: the strategies come back, and the file stays listed, without its text", async () => {
    const db = await freshDb();
    const store = createPlaygroundStore(await bootLibrary(db, noStorage(), DEFAULT_CODE, "Buy and Hold"));
    store.getState().setCode("export default class Mine {}\n");
    const stop = persistLibrary(store, db, 0);
    await stop();
    // Chromium keeps a stored Blob in a file of its own; when that file is gone, reading it rejects.
    const unreadable = { size: 10, text: () => Promise.reject(new DOMException("gone", "NotReadableError")) };
    const strategies = await db.getAll("strategies");
    const openId = await db.get("kv", "openId");
    const withBadFile = {
      getAll: (name: string) =>
        Promise.resolve(
          name === "imports" ? [{ name: "GONE.csv", file: unreadable, symbols: ["GONE"], importedAt: 1 }] : strategies,
        ),
      get: () => Promise.resolve(openId),
    } as unknown as typeof db;
    const init = await bootLibrary(withBadFile, noStorage(), DEFAULT_CODE, "Buy and Hold");
    expect(init.code).toBe("export default class Mine {}\n");
    expect(init.imported?.map((f) => [f.name, f.text])).toEqual([["GONE.csv", undefined]]);
  });
});
