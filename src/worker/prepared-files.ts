import { parseBarsCsv, type ParsedBars } from "../engine/data/csv/csv-parser";
import type { DataSource, PreparedFile } from "../runtime/protocol";

interface Ahead {
  name: string;
  text: Promise<string>;
  /** Null when the fetch or the parse failed: the run then reads the file as usual and meets the error there. */
  parsed: Promise<ParsedBars | null>;
}

/**
 * The bundled files a spare run worker fetches and parses before any run (a `prepare` request):
 * every run loads them all, and parsing them when Run is pressed put some 20,000 rows of CSV on
 * the run's start-up. Each file is taken once, by the run that follows.
 */
export class PreparedFiles {
  private readonly ahead = new Map<string, Ahead>();

  constructor(private readonly fetchNow: (url: string) => Promise<string>) {}

  /** Starts fetching and parsing `files` (those not started yet). */
  prepare(files: readonly PreparedFile[]): void {
    for (const { name, url } of files) {
      if (this.ahead.has(url)) continue;
      const text = this.fetchNow(url);
      text.catch(() => undefined);
      const parsed = text.then((t) => parseBarsCsv(t, name)).catch(() => null);
      this.ahead.set(url, { name, text, parsed });
    }
  }

  /** The text at `url`: fetched ahead (taken once; fetched again if that failed), else now. */
  readonly fetchText = (url: string): Promise<string> => {
    const a = this.ahead.get(url);
    this.ahead.delete(url);
    return a ? a.text.catch(() => this.fetchNow(url)) : this.fetchNow(url);
  };

  /** `source` as parsed ahead, when it is a file prepared under the same name and that went well; else as it came. */
  async source(source: DataSource): Promise<DataSource> {
    if (!("url" in source)) return source;
    const a = this.ahead.get(source.url);
    if (!a || a.name !== source.name) return source;
    const parsed = await a.parsed;
    if (!parsed || this.ahead.get(source.url) !== a) return source;
    this.ahead.delete(source.url);
    return { name: source.name, bars: parsed.bars, warnings: parsed.warnings };
  }
}
