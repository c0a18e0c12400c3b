import { INVISIBLE_CHARS } from "../../engine/invisible-chars";
import { humanName, strategyClassName } from "../../share/strategy-name";
import type { PlaygroundSettings } from "../playground-settings";

/** Where a strategy in the library came from. */
export type EntryOrigin = "own" | "example" | "link";

/** What a link told about the run the sender saw, to compare with the receiver's run. */
export interface LinkOrigin {
  /** The code as it arrived: the comparison only means something while it is unchanged. */
  code: string;
  fillsHash: string | null;
  app: string;
  /** Bundled symbols the sender ran with. */
  bundled: string[];
  /** Imported files the link only named (too big to carry): the receiver's own copies may differ. */
  namedOnly: { name: string; symbols: string[] }[];
  /** Imported files the link carried, now in the receiver's imports. */
  carried: string[];
}

/** One strategy of the user's library (stored in IndexedDB). */
export interface LibraryEntry {
  id: string;
  name: string;
  /** While true, the name follows the code's class name; renaming turns it off. */
  autoName: boolean;
  code: string;
  settings: PlaygroundSettings;
  origin: EntryOrigin;
  /** For a copied example: the example's code, so "untouched" can be told from "edited". */
  baseline?: string;
  link?: LinkOrigin;
  createdAt: number;
  updatedAt: number;
}

let counter = 0;
/** Unique enough across tabs and reloads: time, a counter and randomness. */
export function newEntryId(now: number): string {
  counter = (counter + 1) % 1_000_000;
  return `s${now.toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** The library name a piece of code gets: its class name in words, or `fallback`. */
export function nameFromCode(code: string, fallback: string): string {
  const cls = strategyClassName(code);
  return cls ? humanName(cls) : fallback;
}

/**
 * The name an entry shows with `code` in it: a renamed entry keeps its name; an untouched example
 * keeps the example's title; otherwise the name follows the class the code defines.
 */
export function entryName(e: LibraryEntry, code: string): string {
  if (!e.autoName) return e.name;
  if (e.origin === "example" && code === e.baseline) return e.name;
  return nameFromCode(code, e.name);
}

export function makeEntry(
  fields: Pick<LibraryEntry, "code" | "settings" | "origin"> & Partial<LibraryEntry>,
  now: number,
): LibraryEntry {
  return {
    id: newEntryId(now),
    name: nameFromCode(fields.code, "Untitled strategy"),
    autoName: true,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** The longest name a strategy of the library has. */
const MAX_NAME_CHARS = 120;

/**
 * A name as the library keeps it, typed in Rename or carried by a share link: without control
 * characters, line breaks or bidirectional overrides (a stranger's name must not reverse or hide
 * the text around it), trimmed, at most 120 characters; empty when nothing is left.
 */
export function libraryName(raw: string): string {
  return raw.replace(INVISIBLE_CHARS, "").trim().slice(0, MAX_NAME_CHARS).trim();
}

/** A name not yet used in the library: "Name", then "Name (2)", "Name (3)", … */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  for (let i = 2; ; i++) if (!taken.includes(`${name} (${i})`)) return `${name} (${i})`;
}

/** The empty strategy "New" starts from. */
export const BLANK_STRATEGY = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";

export default class MyStrategy extends TradingAlgorithm {
  override initialize(context: Context) {
    context.asset = this.symbol("SPY");
  }

  override handleData(context: Context, data: BarData) {
    // Your logic here: data.current(context.asset, "close"), order(context.asset, 10), …
  }
}
`;
