/** What the gallery shows of an example file, read from its leading JSDoc block. */
export interface ExampleMeta {
  /** File name without folder and extension: `buy-and-hold`. */
  id: string;
  title: string;
  description: string;
  category: string;
}

/** The gallery's sections, in this order; anything else goes under "other". */
export const EXAMPLE_CATEGORIES = ["order types", "sizing", "order management", "multi-asset", "advanced"] as const;

const LEADING_JSDOC = /^\s*\/\*\*([\s\S]*?)\*\//;

function idOf(path: string): string {
  const base = path.split("/").pop() ?? path;
  return base.replace(/\.ts$/, "");
}

/**
 * Reads `/** Title\n * One-line description.\n * @category sizing *\/`. A file without the block
 * still appears, titled after its file name, so a new example is never hidden.
 */
export function parseExampleMeta(path: string, source: string): ExampleMeta {
  const id = idOf(path);
  const block = LEADING_JSDOC.exec(source)?.[1] ?? "";
  const lines = block
    .split("\n")
    .map((l) => l.replace(/^\s*\*?\s?/, "").trim())
    .filter((l) => l.length > 0);
  const tag = lines.find((l) => l.startsWith("@category"));
  const prose = lines.filter((l) => !l.startsWith("@"));
  const category = tag?.slice("@category".length).trim().toLowerCase() ?? "";
  const fallbackTitle = id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
  return {
    id,
    title: (prose[0] ?? fallbackTitle).replace(/[.:]$/, ""),
    description: prose[1] ?? "",
    category: (EXAMPLE_CATEGORIES as readonly string[]).includes(category) ? category : "other",
  };
}

/** Examples grouped by category in the gallery's order, each group sorted by title. */
export function groupExamples<T extends ExampleMeta>(
  examples: readonly T[],
): Array<{ category: string; examples: T[] }> {
  const order = [...EXAMPLE_CATEGORIES, "other"];
  return order
    .map((category) => ({
      category,
      examples: examples.filter((e) => e.category === category).sort((a, b) => a.title.localeCompare(b.title)),
    }))
    .filter((g) => g.examples.length > 0);
}
