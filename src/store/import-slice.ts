import type { SymbolBars } from "../engine/data/symbol-bars";

/**
 * A CSV file the user imported: its bytes as a Blob (the File chosen, or what IndexedDB kept),
 * which the workers read; the page never decodes a big one. `text` is there only for a file short
 * enough to ride in a share link (under TEXT_KEPT_BELOW_CHARS characters).
 */
export interface ImportedCsv {
  name: string;
  file: Blob;
  text?: string;
  symbols: string[];
}

/** An import under way: bytes of the file read, then rows of it parsed. */
export interface ImportProgress {
  name: string;
  stage: "reading" | "parsing";
  done: number;
  total: number;
}

/** An import held until the user agrees it may replace symbols that exist. */
export interface PendingImportState {
  csv: ImportedCsv;
  bars: SymbolBars[];
  warnings: string[];
  replaces: { symbol: string; from: string }[];
}

export interface ImportSlice {
  importProgress: ImportProgress | null;
  pendingImport: PendingImportState | null;
  setImportProgress(p: ImportProgress | null): void;
  setPendingImport(p: PendingImportState | null): void;
}

export const importSlice = (set: (patch: Partial<ImportSlice>) => void): ImportSlice => ({
  importProgress: null,
  pendingImport: null,
  setImportProgress: (importProgress) => set({ importProgress }),
  setPendingImport: (pendingImport) => set({ pendingImport }),
});
