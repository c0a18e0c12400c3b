import type { SymbolBars } from "../engine/data/symbol-bars";
import type { ImportedCsv } from "./store";

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
