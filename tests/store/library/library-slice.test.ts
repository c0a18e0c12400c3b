import { describe, expect, it } from "vitest";
import { makeEntry } from "../../../src/store/library/library-entry";
import { currentLibrary } from "../../../src/store/library/library-slice";
import { acceptHeldImports, openShareLink } from "../../../src/store/open-link";
import { DEFAULT_PLAYGROUND_SETTINGS } from "../../../src/store/playground-settings";
import { createPlaygroundStore } from "../../../src/store/store";
import { buildShareLink } from "../../../src/share/build-share-link";

const MINE = "export default class MyOwnWork {}\n";
const EXAMPLE = "export default class BuyAndHold {}\n";

function storeWithMine() {
  const entry = makeEntry({ code: MINE, settings: DEFAULT_PLAYGROUND_SETTINGS, origin: "own" }, 1);
  return createPlaygroundStore({ code: MINE, library: [entry], openId: entry.id });
}

const names = (s: ReturnType<typeof storeWithMine>) => currentLibrary(s.getState()).map((e) => e.name);

describe("the library of strategies", () => {
  it("names a strategy after its class, following edits until it is renamed", () => {
    const store = storeWithMine();
    expect(names(store)).toEqual(["My Own Work"]);
    store.getState().setCode("export default class MeanReversion {}\n");
    expect(names(store)).toEqual(["Mean Reversion"]);
    store.getState().renameStrategy(store.getState().openId, "  Keeper  ");
    store.getState().setCode("export default class Other {}\n");
    expect(names(store)).toEqual(["Keeper"]);
  });

  it("duplicates the open strategy with its live code, and opens the copy", () => {
    const store = storeWithMine();
    store.getState().setCode(MINE + "// edited\n");
    store.getState().duplicateStrategy(store.getState().openId);
    const lib = currentLibrary(store.getState());
    expect(lib.map((e) => e.code)).toEqual([MINE + "// edited\n", MINE + "// edited\n"]);
    expect(names(store)).toEqual(["My Own Work", "My Own Work copy"]);
    expect(store.getState().openId).toBe(lib[1].id);
  });

  it("deletes with undo putting the strategy back where it was, code and all", () => {
    const store = storeWithMine();
    const first = store.getState().openId;
    store.getState().newStrategy();
    store.getState().openStrategy(first);
    store.getState().setCode(MINE + "// unsaved edit\n");
    store.getState().deleteStrategy(first);
    expect(names(store)).toEqual(["My Strategy"]);
    expect(store.getState().code).not.toContain("unsaved edit");
    store.getState().undoDelete();
    expect(names(store)).toEqual(["My Own Work", "My Strategy"]);
    expect(store.getState().code).toBe(MINE + "// unsaved edit\n");
  });

  it("never leaves the library empty: deleting the last strategy leaves a blank one", () => {
    const store = storeWithMine();
    store.getState().deleteStrategy(store.getState().openId);
    expect(names(store)).toEqual(["My Strategy"]);
    expect(store.getState().deleted?.entry.code).toBe(MINE);
  });

  it("loading an example over the user's code adds a copy and keeps theirs", () => {
    const store = storeWithMine();
    store.getState().loadTemplate(EXAMPLE, "Buy and Hold");
    expect(names(store)).toEqual(["My Own Work", "Buy and Hold"]);
    expect(currentLibrary(store.getState())[0].code).toBe(MINE);
    // An untouched example copy is swapped for the next example instead of piling up.
    store.getState().loadTemplate("export default class Pairs {}\n", "Pairs Trading");
    expect(names(store)).toEqual(["My Own Work", "Pairs Trading"]);
    // Once edited it is the user's: the next example is a new copy, and the edited one is named by its class.
    store.getState().setCode("export default class PairsTweaked {}\n");
    store.getState().loadTemplate(EXAMPLE, "Buy and Hold");
    expect(names(store)).toEqual(["My Own Work", "Pairs Tweaked", "Buy and Hold"]);
  });
});

describe("opening a share link", () => {
  const link = (code: string) =>
    buildShareLink({
      name: "Their Cross",
      code,
      settings: { run: { cash: 25_000 } },
      bundled: ["SPY"],
      imported: [],
      fillsHash: "00000000000000aa",
    }).fragment;

  it("adds the code as a new strategy marked as from a link, with the link's settings, and runs nothing", () => {
    const store = storeWithMine();
    expect(openShareLink(store, `http://x/#${link("export default class TheirCross {}\n")}`)).toBe(true);
    const s = store.getState();
    expect(names(store)).toEqual(["My Own Work", "Their Cross"]);
    expect(currentLibrary(s)[0].code).toBe(MINE);
    expect(s.code).toBe("export default class TheirCross {}\n");
    expect(s.settings.run.cash).toBe(25_000);
    expect(currentLibrary(s)[1].origin).toBe("link");
    expect(s.run.status).toBe("idle");
    expect(s.linkNotice).toMatchObject({ kind: "opened" });
  });

  it("holds back a carried file that would replace a bundled symbol until the user agrees", () => {
    const store = storeWithMine();
    const forgedSpy = "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,100\n";
    const carrying = buildShareLink({
      name: "Innocent",
      code: "export default class Innocent {}\n",
      settings: {},
      bundled: [],
      imported: [
        { name: "SPY.csv", symbols: ["SPY"], csv: forgedSpy },
        { name: "MINE.csv", symbols: ["MINE"], csv: "date,open,high,low,close,volume\n2024-01-02,5,5,5,5,9\n" },
      ],
      fillsHash: null,
    }).fragment;
    expect(openShareLink(store, `#${carrying}`, ["SPY", "QQQ"])).toBe(true);
    expect(store.getState().imported.map((f) => f.name)).toEqual(["MINE.csv"]);
    expect(store.getState().linkNotice).toMatchObject({
      kind: "opened",
      held: [{ name: "SPY.csv", symbols: ["SPY"] }],
    });

    acceptHeldImports(store);
    expect(store.getState().imported.map((f) => f.name)).toEqual(["MINE.csv", "SPY.csv"]);
    expect(store.getState().imported[1]!.text).toBe(forgedSpy);
    expect(store.getState().linkNotice).toMatchObject({ kind: "opened", held: [] });
  });

  it("refuses a carried file that does not parse, or holds other symbols than the link names, saying why", () => {
    const store = storeWithMine();
    const carrying = buildShareLink({
      name: "Sly",
      code: "export default class Sly {}\n",
      settings: {},
      bundled: [],
      imported: [
        { name: "BAD.csv", symbols: ["BAD"], csv: "date,open,high,low,close,volume\n2024-01-02,1,1,1,=1+1,9\n" },
        // No symbol column: its bars are SPY's, from the file name, not the ZZZ it claims.
        { name: "spy.csv", symbols: ["ZZZ"], csv: "date,open,high,low,close,volume\n2024-01-02,5,5,5,5,9\n" },
      ],
      fillsHash: null,
    }).fragment;
    expect(openShareLink(store, `#${carrying}`, ["SPY"])).toBe(true);
    expect(store.getState().imported).toEqual([]);
    expect(store.getState().linkNotice).toMatchObject({
      kind: "opened",
      held: [],
      refused: [
        // (a link carries its files smallest first)
        { name: "spy.csv", why: "it holds SPY, not the ZZZ the link names" },
        { name: "BAD.csv", why: 'BAD.csv:2:5: close "=1+1" is not a number' },
      ],
    });
  });

  it("names the new strategy with at most 120 characters of the link's name, without control characters or bidi overrides", () => {
    const store = storeWithMine();
    const named = (name: string) =>
      buildShareLink({
        name,
        code: "export default class X {}\n",
        settings: {},
        bundled: [],
        imported: [],
        fillsHash: null,
      }).fragment;
    openShareLink(store, `#${named("\u202eevil\n\u001b[2J" + "N".repeat(1_000_000))}`);
    expect(names(store)[1]).toBe(`evil[2J${"N".repeat(113)}`);
    openShareLink(store, `#${named("\u0007 \u2066")}`);
    expect(names(store)[2]).toBe("Shared strategy");
  });

  it("refuses a link whose time limit is longer than a timer can wait (2,147,483 s), which would stop every run at once", () => {
    const store = storeWithMine();
    const slow = (timeLimitSec: number) =>
      buildShareLink({
        name: "Slow",
        code: "export default class Slow {}\n",
        settings: { timeLimitSec },
        bundled: [],
        imported: [],
        fillsHash: null,
      }).fragment;
    expect(openShareLink(store, `#${slow(3_000_000)}`)).toBe(false);
    expect(names(store)).toEqual(["My Own Work"]);
    expect(store.getState().linkNotice).toMatchObject({
      kind: "bad",
      error: { message: expect.stringContaining("timeLimitSec must be a number at least 1 and at most 2,147,483") },
    });
    expect(openShareLink(store, `#${slow(2_147_483)}`)).toBe(true);
    expect(store.getState().settings.timeLimitSec).toBe(2_147_483);
  });

  it("a bad link changes nothing but the notice, which names the failure", () => {
    const store = storeWithMine();
    const before = currentLibrary(store.getState());
    expect(openShareLink(store, `#${link("x").slice(0, 30)}`)).toBe(false);
    expect(currentLibrary(store.getState())).toEqual(before);
    expect(store.getState().code).toBe(MINE);
    expect(store.getState().linkNotice).toMatchObject({ kind: "bad", error: { kind: "truncated" } });
  });
});
