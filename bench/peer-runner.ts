// Runs backtrader and backtesting.py (their sources in the peers folder) on the same CSVs as ours.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SymbolBars } from "../src/engine/data/symbol-bars";
import { walkUniverse } from "./walk-bars";
import { singleSeries } from "./peer-data";

export interface PeerResult {
  engine: string;
  bench: string;
  run_s: number;
  proc_s: number;
  fills: number;
  final_value: number;
}

const SCRIPTS = fileURLToPath(new URL("./peers/", import.meta.url));
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const PEERS = [
  { engine: "backtrader", folder: "backtrader", script: "bt_bench.py", benches: ["B1", "B2", "B3", "B4"] },
  { engine: "backtesting.py", folder: "backtesting.py", script: "btpy_bench.py", benches: ["B1", "B2", "B3"] },
];

/** The peers whose sources are in `dir`. */
export function availablePeers(dir: string): string[] {
  return PEERS.filter((p) => existsSync(join(dir, p.folder))).map((p) => p.engine);
}

function csvOf(bars: SymbolBars): string {
  const rows = ["Date,Open,High,Low,Close,Volume"];
  for (let i = 0; i < bars.time.length; i++) {
    const day = new Date(bars.time[i]!).toISOString().slice(0, 10);
    const f = (x: number) => x.toFixed(4);
    rows.push(
      `${day},${f(bars.open[i]!)},${f(bars.high[i]!)},${f(bars.low[i]!)},${f(bars.close[i]!)},${bars.volume[i]}`,
    );
  }
  return rows.join("\n") + "\n";
}

/** Writes our generated data where the peers read it, when the folder has none. */
function ensureData(dir: string): string {
  const data = join(dir, "data");
  if (existsSync(join(data, "single_200k.csv")) && existsSync(join(data, "multi"))) return data;
  mkdirSync(join(data, "multi"), { recursive: true });
  writeFileSync(join(data, "single_200k.csv"), csvOf(singleSeries().bars[0]!));
  walkUniverse(20, 2520).forEach((b, k) =>
    writeFileSync(join(data, "multi", `asset_${String(k).padStart(2, "0")}.csv`), csvOf(b)),
  );
  return data;
}

/** One fresh Python process per peer for `bench`; peers that cannot run it are left out. */
export function runPeers(dir: string, bench: string): PeerResult[] {
  const data = ensureData(dir);
  const out: PeerResult[] = [];
  for (const peer of PEERS) {
    if (!peer.benches.includes(bench) || !existsSync(join(dir, peer.folder))) continue;
    const run = spawnSync(PYTHON, [join(SCRIPTS, peer.script), bench, data], {
      env: { ...process.env, PYTHONPATH: join(dir, peer.folder) },
      encoding: "utf8",
    });
    const line = run.stdout.trim().split("\n").pop() ?? "";
    try {
      out.push(JSON.parse(line) as PeerResult);
    } catch {
      console.error(`${peer.engine} ${bench} failed: ${run.stderr.trim().split("\n").pop() ?? run.status}`);
    }
  }
  return out;
}
