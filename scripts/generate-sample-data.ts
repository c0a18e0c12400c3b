// `npm run sample-data`: writes sample-data/ from the seeded model and prints what it measured.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSampleData } from "./sample-data/generate";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "sample-data");
const { files, report } = buildSampleData();
for (const [path, content] of files) {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote sample-data/${path} (${Buffer.byteLength(content)} bytes)`);
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
for (const s of report.symbols) {
  console.log(
    `${s.symbol.padEnd(5)} ${s.first.toFixed(2)} -> ${s.last.toFixed(2)}  growth ${pct(s.growth)}/yr  vol ${pct(s.volatility)}` +
      `  big gaps ${s.bigGaps}  thin days ${s.thinDays} (min ${s.fewestThinDaysInAYear}/yr)`,
  );
}
console.log(`correlations: ${report.correlations.map((c) => `${c.a}/${c.b} ${c.value.toFixed(2)}`).join(", ")}`);
console.log(`PEP/KO pairs rule: ${report.pepKo.entries} entries, ${report.pepKo.exits} exits`);
