/**
 * The `symbols` setting for the bundled samples checked in the settings panel. Every sample
 * checked is the empty list (all of them, the default, which also takes in samples added later).
 * No sample checked with an import is the imported symbols alone: imported files are always sent,
 * so the run reads the import only (an empty list would mean every sample again).
 */
export function symbolsSetting(
  checked: readonly string[],
  samples: readonly string[],
  importedSymbols: readonly string[],
): string[] {
  if (checked.length === samples.length) return [];
  if (checked.length === 0) return [...importedSymbols];
  return [...checked];
}
