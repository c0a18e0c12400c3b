import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../src/engine/data/csv/csv-parser";
import { loadSources } from "../../src/runtime/load-sources";
import {
  PROTOCOL_VERSION,
  readWorkerRequest,
  type DataSource,
  type WorkerMessage,
  type WorkerRequest,
} from "../../src/runtime/protocol";
import { runSession } from "../../src/runtime/run-session";
import { receivedByPage } from "../helpers/received-by-page";

/** A file of `n` daily bars whose 3rd and 4th rows are swapped, so the parser sorts it and says so. */
function csvOf(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const open = 100 + 10 * Math.sin(i / 7);
    const close = open + Math.cos(i / 3);
    rows.push(
      `${day},${open.toFixed(2)},${(Math.max(open, close) + 0.4).toFixed(2)},${(Math.min(open, close) - 0.4).toFixed(2)},${close.toFixed(2)},1000`,
    );
  }
  [rows[2], rows[3]] = [rows[3]!, rows[2]!];
  return ["date,open,high,low,close,volume", ...rows].join("\n");
}

const SWING = `import { TradingAlgorithm, order } from "playground";
export default class Swing extends TradingAlgorithm {
  initialize(context) { context.asset = this.symbol("ABC"); }
  handleData(context, data) {
    if (context.barIndex % 10 === 0) order(context.asset, 10);
    if (context.barIndex % 10 === 5) order(context.asset, -10);
  }
}`;

function request(data: DataSource[]): WorkerRequest {
  return {
    type: "run",
    protocolVersion: PROTOCOL_VERSION,
    runId: 1,
    source: SWING,
    fileName: "strategy.ts",
    settings: { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" },
    data,
  };
}

/** The request as the worker reads it: cloned as postMessage clones it, then checked. */
function received(req: WorkerRequest): WorkerRequest {
  const read = readWorkerRequest(structuredClone(req));
  if ("problem" in read) throw new Error(read.problem);
  return read.request;
}

async function run(req: WorkerRequest): Promise<WorkerMessage[]> {
  const sent: WorkerMessage[] = [];
  const { bars, warnings } = await loadSources(req.data, async () => "");
  runSession(
    req,
    bars,
    warnings,
    (m) => sent.push(receivedByPage(m)),
    () => 0,
  );
  return sent;
}

describe("an imported file handed to the run worker already parsed", () => {
  const text = csvOf(400);
  const { bars, warnings } = parseBarsCsv(text, "ABC.csv");
  const asText = request([{ name: "ABC.csv", text }]);
  const asColumns = request([{ name: "ABC.csv", bars, warnings }]);

  it("loads the same bars and the parser's warnings as the text does", async () => {
    const fromText = await loadSources(received(asText).data, async () => "");
    const fromColumns = await loadSources(received(asColumns).data, async () => "");
    expect(fromColumns.warnings).toEqual(["ABC.csv: rows were not in time order; sorted them"]);
    expect(fromColumns).toEqual(fromText);
  });

  it("gives the same fills and fills hash as a run that parses the text", async () => {
    const final = (ms: WorkerMessage[]) => ms.find((m) => m.type === "done");
    const fromText = final(await run(received(asText)));
    const fromColumns = final(await run(received(asColumns)));
    expect(fromText?.type === "done" && fromText.results.fills.length).toBeGreaterThan(10);
    expect(fromColumns?.type === "done" && fromColumns.results.run.fillsHash).toBe(
      fromText?.type === "done" && fromText.results.run.fillsHash,
    );
  });

  it("is refused, naming what is wrong, when its columns are not what the parser makes", () => {
    const spoilt = structuredClone(asColumns);
    const first = (spoilt.data[0] as { bars: { close: Float64Array }[] }).bars[0]!;
    first.close = first.close.subarray(1);
    expect(readWorkerRequest(spoilt)).toEqual({
      problem: "the page sent ABC's columns of different lengths",
      runId: 1,
    });
  });
});
