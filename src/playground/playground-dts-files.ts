/**
 * The type declarations of the "playground" module: what users' strategies are checked
 * against, in the editor (Monaco's TypeScript worker, via addExtraLib) and by the CLI's type
 * check. Each file below holds one part of the module in its own `declare module "playground"`
 * block; the blocks merge into one module, so every consumer loads the whole list (a test
 * fails when a .d.ts in this folder is missing from it).
 *
 * The files are global scripts (no top-level import or export) and refer to nothing outside
 * the module except ES2022 library types, because they are loaded as they are into both
 * places. Their doc comments are the editor's hover help: every declaration has a sentence and
 * an @example. playground-types-check.ts proves that the engine's module
 * (src/engine/api/playground.ts) satisfies them, both ways.
 *
 * Adding to the API: declare it in the file of its section (each stays under 400 lines; a
 * new section gets a new file, added here).
 */
export const PLAYGROUND_DTS_FILES = [
  "market-data.d.ts",
  "series.d.ts",
  "orders.d.ts",
  "order-styles.d.ts",
  "portfolio.d.ts",
  "commission.d.ts",
  "slippage.d.ts",
  "schedule-and-log.d.ts",
  "trading-algorithm.d.ts",
  "results.d.ts",
  "free-functions.d.ts",
  "console.d.ts",
] as const;
