/**
 * What a share link holds, whatever version made it: decoding an old link yields this
 * current shape, so page and CLI only ever read one.
 */

/** An imported CSV the sender used: its text when it fit in the link, else only its name and symbols. */
export interface SharedImport {
  /** The file name the sender imported (`MYDATA.csv`). */
  name: string;
  symbols: string[];
  /** The CSV text, or undefined when the file was too big for the link: the receiver is asked to import it. */
  csv?: string;
}

export interface SharedData {
  /** Bundled symbols the run used, by name (the receiver has the same files). */
  bundled: string[];
  imported: SharedImport[];
}

export interface SharedStrategy {
  /** The strategy's name in the sender's library. */
  name: string;
  code: string;
  /** Only the settings that differ from the defaults (see link-settings; decoding has checked them). */
  settings: Record<string, unknown>;
  data: SharedData;
  /** The sender's fills hash for exactly this code, settings and data, or null if they had not run it. */
  fillsHash: string | null;
  /** The app version that made the link. */
  app: string;
}

type Check<T> = { ok: true; value: T } | { ok: false; why: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

function importOf(v: unknown, i: number): Check<SharedImport> {
  if (!isObject(v)) return { ok: false, why: `data.imported[${i}] is not an object` };
  if (typeof v.name !== "string") return { ok: false, why: `data.imported[${i}].name is not text` };
  if (!isStringArray(v.symbols)) return { ok: false, why: `data.imported[${i}].symbols is not a list of names` };
  if (v.csv !== undefined && typeof v.csv !== "string")
    return { ok: false, why: `data.imported[${i}].csv is not text` };
  return { ok: true, value: { name: v.name, symbols: v.symbols, ...(v.csv !== undefined ? { csv: v.csv } : {}) } };
}

/** The version-1 payload checked field by field; anything else is refused with the field named. */
export function sharedStrategyV1(raw: unknown): Check<SharedStrategy> {
  if (!isObject(raw)) return { ok: false, why: "the contents are not an object" };
  if (typeof raw.code !== "string") return { ok: false, why: "it holds no code" };
  if (typeof raw.name !== "string") return { ok: false, why: "the strategy has no name" };
  if (!isObject(raw.settings)) return { ok: false, why: "settings is not an object" };
  if (raw.fillsHash !== null && (typeof raw.fillsHash !== "string" || !/^[0-9a-f]{1,32}$/.test(raw.fillsHash)))
    return { ok: false, why: "fillsHash is not a hash" };
  if (typeof raw.app !== "string") return { ok: false, why: "the app version is missing" };
  const d = raw.data;
  if (!isObject(d) || !isStringArray(d.bundled) || !Array.isArray(d.imported))
    return { ok: false, why: "data is not { bundled, imported }" };
  const imported: SharedImport[] = [];
  for (let i = 0; i < d.imported.length; i++) {
    const r = importOf(d.imported[i], i);
    if (!r.ok) return r;
    imported.push(r.value);
  }
  return {
    ok: true,
    value: {
      name: raw.name,
      code: raw.code,
      settings: raw.settings,
      data: { bundled: d.bundled, imported },
      fillsHash: raw.fillsHash,
      app: raw.app,
    },
  };
}
