import { APP_VERSION } from "./app-version";
import { encodeLinkFragment } from "./link-codec";
import type { SharedImport, SharedStrategy } from "./shared-strategy";

/**
 * Imported CSVs ride inside the link only while the whole link stays at most this long:
 * 100,000 characters open in Chrome, Firefox and Safari and paste whole into mail and most
 * chats. Past it, the biggest files are left out by name and the receiver is asked for them.
 */
export const MAX_EMBED_LINK_CHARS = 100_000;

export interface ShareInput {
  name: string;
  code: string;
  settings: Record<string, unknown>;
  bundled: readonly string[];
  /**
   * Imported CSVs the run used, each with its full text; without it (a file of MAX_EMBED_LINK_CHARS
   * characters or more, whose text the page does not hold) it is named only.
   */
  imported: readonly { name: string; symbols: readonly string[]; csv?: string }[];
  fillsHash: string | null;
}

export interface BuiltLink {
  fragment: string;
  /** Imported files carried in the link. */
  embedded: string[];
  /** Imported files named only (too big): the receiver must import them. */
  named: string[];
}

/** Builds the fragment, embedding as many imported files as fit (smallest first). */
export function buildShareLink(input: ShareInput, maxChars = MAX_EMBED_LINK_CHARS): BuiltLink {
  const size = (f: ShareInput["imported"][number]) => f.csv?.length ?? Infinity;
  const bySize = [...input.imported].sort((a, b) => size(a) - size(b));
  const fitting = bySize.filter((f) => size(f) < maxChars).length;
  const make = (embedCount: number): string => {
    const imported: SharedImport[] = bySize.map((f, i) => ({
      name: f.name,
      symbols: [...f.symbols],
      ...(i < embedCount && f.csv !== undefined ? { csv: f.csv } : {}),
    }));
    const link: SharedStrategy = {
      name: input.name,
      code: input.code,
      settings: input.settings,
      data: { bundled: [...input.bundled], imported },
      fillsHash: input.fillsHash,
      app: APP_VERSION,
    };
    return encodeLinkFragment(link);
  };
  for (let n = fitting; n > 0; n--) {
    const fragment = make(n);
    if (fragment.length + 64 <= maxChars)
      return { fragment, embedded: bySize.slice(0, n).map((f) => f.name), named: bySize.slice(n).map((f) => f.name) };
  }
  return { fragment: make(0), embedded: [], named: bySize.map((f) => f.name) };
}
