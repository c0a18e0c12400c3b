import { buildShareLink, type BuiltLink } from "../../share/build-share-link";
import { linkSettingsOf } from "../../share/link-settings";
import { shareUrl } from "../../share/link-codec";
import { openEntry } from "../../store/library/library-slice";
import { DEFAULT_PLAYGROUND_SETTINGS } from "../../store/playground-settings";
import { dataKeyOf } from "../../store/share-slice";
import type { PlaygroundState } from "../../store/store";
import { SAMPLE_FILES } from "../data/sample-data";

/** Bundled and imported files a run of the current settings reads (the run controller sends the same). */
export function runDataOf(s: PlaygroundState) {
  const importedSymbols = new Set(s.imported.flatMap((c) => c.symbols));
  const wanted = s.settings.symbols.length > 0 ? new Set(s.settings.symbols) : null;
  const bundled = SAMPLE_FILES.filter((f) => (!wanted || wanted.has(f.symbol)) && !importedSymbols.has(f.symbol));
  return { bundled, imported: s.imported };
}

/**
 * The link for what the editor holds now. The fills hash goes in only when the last run was
 * of exactly this code, settings and data, so a receiver is never compared with another run.
 */
export function makeShareLink(s: PlaygroundState, base: string): BuiltLink & { url: string; fillsHash: string | null } {
  const { bundled, imported } = runDataOf(s);
  const ran = s.lastRunInput;
  const final = s.run.status === "done" ? s.results.final : null;
  const sameRun = ran !== null && ran.code === s.code && ran.settings === s.settings && ran.dataKey === dataKeyOf(s);
  const fillsHash = sameRun && final ? final.run.fillsHash : null;
  const built = buildShareLink({
    name: openEntry(s)?.name ?? "Shared strategy",
    code: s.code,
    settings: linkSettingsOf(s.settings, DEFAULT_PLAYGROUND_SETTINGS.timeLimitSec),
    bundled: bundled.map((f) => f.symbol),
    // A file has its text here only when it is short enough to embed; the others are named.
    imported: imported.map((f) => ({
      name: f.name,
      symbols: f.symbols,
      ...(f.text !== undefined ? { csv: f.text } : {}),
    })),
    fillsHash,
  });
  return { ...built, url: shareUrl(base, built.fragment), fillsHash };
}
