import { parseExampleMeta, type ExampleMeta } from "./example-meta";

export interface Example extends ExampleMeta {
  source: string;
}

const sources = import.meta.glob("/examples/*.ts", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

/** Every examples/*.ts, read at build time. */
export const EXAMPLES: readonly Example[] = Object.entries(sources).map(([path, source]) => ({
  ...parseExampleMeta(path, source),
  source,
}));

export const DEFAULT_EXAMPLE: Example = EXAMPLES.find((e) => e.id === "buy-and-hold") ?? {
  id: "buy-and-hold",
  title: "Buy and hold",
  description: "",
  category: "other",
  source: "",
};
