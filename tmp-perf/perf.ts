import { parseBarsCsv } from "../src/engine/data/csv-parser";
const lines = ["datetime,open,high,low,close,volume"];
let t = Date.UTC(2020, 0, 1);
for (let i = 0; i < 200000; i++) { lines.push(`${new Date(t + i * 60000).toISOString()},100.12,101.55,99.10,100.50,123456`); }
const text = lines.join("\n") + "\n";
for (let k = 0; k < 5; k++) { const s = performance.now(); const r = parseBarsCsv(text, "SPY.csv"); console.log(r.bars[0].time.length, (performance.now() - s).toFixed(1), "ms"); }
const lines2 = ["Date,Open,High,Low,Close,Adj Close,Volume"];
for (let i = 0; i < 200000; i++) { lines2.push(`${new Date(t + i * 86400000).toISOString().slice(0,10)},100.12,101.55,99.10,100.50,100.1,123456`); }
const text2 = lines2.join("\r\n");
for (let k = 0; k < 3; k++) { const s = performance.now(); const r = parseBarsCsv(text2, "SPY.csv"); console.log(r.bars[0].time.length, (performance.now() - s).toFixed(1), "ms"); }
