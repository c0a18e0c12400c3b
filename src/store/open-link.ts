import { parseBarsCsv } from "../engine/data/csv/csv-parser";
import { DataError } from "../engine/data/symbol-bars";
import { readLinkSettings } from "../share/link-settings";
import { decodeShareLink } from "../share/link-codec";
import { libraryName, makeEntry, uniqueName } from "./library/library-entry";
import { checkNumber } from "../engine/settings/setting-kinds";
import { DEFAULT_PLAYGROUND_SETTINGS, type PlaygroundSettings, TIME_LIMIT } from "./playground-settings";
import type { ImportedCsv, PlaygroundStore } from "./store";

/**
 * Opens a share link as a NEW library entry (never over the user's work) without running it.
 * A bad link changes nothing but the notice, which names what is wrong. Returns whether it opened.
 * `bundled` are the bundled symbols: a carried file that would replace one of them (in every
 * strategy of the user's, since imports are shared) is held until the user agrees, as an import of
 * their own would be.
 */
export function openShareLink(store: PlaygroundStore, text: string, bundled: readonly string[] = []): boolean {
  const decoded = decodeShareLink(text);
  const s = store.getState();
  if (!decoded.ok) {
    s.setLinkNotice({ kind: "bad", error: decoded.error });
    return false;
  }
  const link = decoded.link;
  const read = readLinkSettings(link.settings);
  const errors = read.ok ? timeLimitErrors(read.value.timeLimitSec) : read.errors;
  if (!read.ok || errors.length > 0) {
    s.setLinkNotice({
      kind: "bad",
      error: { kind: "tampered", message: `This link's settings are not valid: ${errors.join("; ")}.` },
    });
    return false;
  }
  const settings: PlaygroundSettings = {
    run: read.value.run,
    symbols: read.value.symbols ?? [],
    timeLimitSec: read.value.timeLimitSec ?? DEFAULT_PLAYGROUND_SETTINGS.timeLimitSec,
  };
  // Carried files join the imports unless the receiver's own import of a symbol differs: theirs stays.
  const keptOwn: string[] = [];
  const added: ImportedCsv[] = [];
  const held: ImportedCsv[] = [];
  const refused: { name: string; why: string }[] = [];
  for (const f of link.data.imported) {
    if (f.csv === undefined) continue;
    const read = carriedSymbols(f.name, f.csv, f.symbols);
    if (!read.ok) {
      refused.push({ name: f.name, why: read.why });
      continue;
    }
    const clash = s.imported.find((own) => own.symbols.some((sym) => f.symbols.includes(sym)));
    const csv = { name: f.name, file: new Blob([f.csv]), text: f.csv, symbols: f.symbols };
    if (clash && clash.text !== f.csv) keptOwn.push(f.name);
    else if (!clash && f.symbols.some((sym) => bundled.includes(sym))) held.push(csv);
    else if (!clash) added.push(csv);
  }
  for (const f of added) s.addImport(f);
  const have = new Set(store.getState().imported.flatMap((f) => f.symbols));
  const missing = link.data.imported
    .filter((f) => f.csv === undefined && f.symbols.some((sym) => !have.has(sym)))
    .map((f) => ({ name: f.name, symbols: f.symbols }));
  const entry = makeEntry(
    {
      code: link.code,
      settings,
      origin: "link",
      name: uniqueName(
        libraryName(link.name) || "Shared strategy",
        s.library.map((e) => e.name),
      ),
      autoName: false,
      link: {
        code: link.code,
        fillsHash: link.fillsHash,
        app: link.app,
        bundled: link.data.bundled,
        namedOnly: link.data.imported
          .filter((f) => f.csv === undefined)
          .map((f) => ({ name: f.name, symbols: f.symbols })),
        carried: link.data.imported.filter((f) => f.csv !== undefined).map((f) => f.name),
      },
    },
    Date.now(),
  );
  store.getState().addAndOpen(entry);
  store.getState().setLinkNotice({ kind: "opened", entryId: entry.id, missing, keptOwn, held, refused });
  return true;
}

/**
 * The page's bounds on a link's time limit (the codec, which the CLI shares, checks only that it is
 * a number of seconds): the Settings panel's, whose longest is what a timer can wait.
 */
function timeLimitErrors(sec: number | undefined): string[] {
  if (sec === undefined) return [];
  const r = checkNumber("timeLimitSec", TIME_LIMIT, sec);
  return r.ok ? [] : r.errors;
}

/**
 * A carried file read with the importer's parser, before it may join the imports: a file that
 * does not parse, or holds other symbols than the link says (`SPY` bars in a file said to hold
 * `ZZZ`), would otherwise sit in the receiver's imports and fail every run of theirs, or slip
 * past the check that holds back a file replacing bundled data.
 */
function carriedSymbols(
  name: string,
  csv: string,
  claimed: readonly string[],
): { ok: true } | { ok: false; why: string } {
  let symbols: string[];
  try {
    symbols = parseBarsCsv(csv, name).bars.map((b) => b.symbol);
  } catch (e) {
    return { ok: false, why: e instanceof DataError ? e.message : String(e) };
  }
  const same = symbols.length === claimed.length && symbols.every((sym) => claimed.includes(sym));
  return same
    ? { ok: true }
    : {
        ok: false,
        why: `it holds ${symbols.join(", ")}, not the ${claimed.join(", ") || "no symbols"} the link names`,
      };
}

/** The user agreed: the files the link's notice held back join the imports, replacing bundled symbols. */
export function acceptHeldImports(store: PlaygroundStore): void {
  const notice = store.getState().linkNotice;
  if (notice?.kind !== "opened" || notice.held.length === 0) return;
  for (const f of notice.held) store.getState().addImport(f);
  store.getState().setLinkNotice({ ...notice, held: [] });
}
