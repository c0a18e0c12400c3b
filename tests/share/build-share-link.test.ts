import { describe, expect, it } from "vitest";
import { buildShareLink } from "../../src/share/build-share-link";

const base = { name: "Cross", code: "export default class Cross {}\n", settings: {}, bundled: [], fillsHash: null };
const ROWS = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,1000\n";

describe("a share link's imported files", () => {
  it("embeds a file whose text the page holds and names one it holds only as bytes", () => {
    const built = buildShareLink({
      ...base,
      imported: [
        { name: "BIG.csv", symbols: ["BIG"] },
        { name: "SMALL.csv", symbols: ["SMALL"], csv: ROWS },
      ],
    });
    expect(built.embedded).toEqual(["SMALL.csv"]);
    expect(built.named).toEqual(["BIG.csv"]);
  });

  it("names every file when none has its text", () => {
    const built = buildShareLink({ ...base, imported: [{ name: "BIG.csv", symbols: ["BIG"] }] });
    expect(built).toMatchObject({ embedded: [], named: ["BIG.csv"] });
  });
});
