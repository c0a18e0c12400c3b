import type { LinkError } from "../share/link-codec";
import type { ImportedCsv } from "./import-slice";
import type { PlaygroundSettings } from "./playground-settings";

/** What the page says about a link it was opened with. */
export type LinkNotice =
  | {
      kind: "opened";
      entryId: string;
      /** Files the link named without carrying them: the receiver must import them. */
      missing: { name: string; symbols: string[] }[];
      /** Carried files not added because the receiver's own import of that symbol differs. */
      keptOwn: string[];
      /** Carried files that would replace bundled symbols: added only when the receiver agrees. */
      held: ImportedCsv[];
      /** Carried files that do not parse, or hold other symbols than the link says: never added. */
      refused: { name: string; why: string }[];
    }
  | { kind: "bad"; error: LinkError };

/** The link the Share button made, shown in its dialog. */
export interface ShareDialogState {
  url: string;
  /** Imported files too big for the link, named only. */
  named: string[];
  fillsHash: string | null;
  copied: boolean;
}

/** What produced the current results: the share link and the link check compare against it. */
export interface RunInput {
  code: string;
  settings: PlaygroundSettings;
  /** Imported file names and lengths at the time of the run. */
  dataKey: string;
}

export interface ShareSlice {
  linkNotice: LinkNotice | null;
  shareDialog: ShareDialogState | null;
  lastRunInput: RunInput | null;
  setLinkNotice(n: LinkNotice | null): void;
  setShareDialog(d: ShareDialogState | null): void;
  noteRunInput(r: RunInput): void;
}

export const shareSlice = (set: (patch: Partial<ShareSlice>) => void): ShareSlice => ({
  linkNotice: null,
  shareDialog: null,
  lastRunInput: null,
  setLinkNotice: (linkNotice) => set({ linkNotice }),
  setShareDialog: (shareDialog) => set({ shareDialog }),
  noteRunInput: (lastRunInput) => set({ lastRunInput }),
});

/** The imports' identity, so "same data" can be checked cheaply. */
export function dataKeyOf(s: { imported: readonly { name: string; file: Blob }[] }): string {
  return s.imported.map((f) => `${f.name}:${f.file.size}`).join("|");
}
