import { parseBarsCsv, type ParsedBars } from "../engine/data/csv/csv-parser";
import { protocolError, type DataSource, type PrepareRead } from "../runtime/protocol";
import { UserFacingError } from "../runtime/user-error";

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
  /** Imports the page sent ahead, checked, by key (each taken once). */
  private readonly imports = new Map<string, DataSource | { problem: string }>();

  constructor(private readonly fetchNow: (url: string) => Promise<string>) {}

  /** Starts fetching and parsing the request's files (those not started yet), and keeps its imports. */
  prepare({ files, imports }: Pick<PrepareRead, "files" | "imports">): void {
    for (const { key, source } of imports) this.imports.set(key, source);
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
    if ("prepared" in source) return this.takeImport(source.prepared);
    if (!("url" in source)) return source;
    const a = this.ahead.get(source.url);
    if (!a || a.name !== source.name) return source;
    const parsed = await a.parsed;
    if (!parsed || this.ahead.get(source.url) !== a) return source;
    this.ahead.delete(source.url);
    return { name: source.name, bars: parsed.bars, warnings: parsed.warnings };
  }

  /** The import sent ahead under `key`: the page names only what it sent, so a missing one is a protocol error. */
  private takeImport(key: string): DataSource {
    const got = this.imports.get(key);
    this.imports.delete(key);
    if (got && !("problem" in got)) return got;
    throw new UserFacingError(protocolError(got ? got.problem : `the page named an import it had not sent (${key})`));
  }
}
