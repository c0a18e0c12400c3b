/**
 * Where the results JSON goes as its chunks (UTF-8 bytes) arrive from the strategy thread: a file,
 * written under a temporary name beside it and renamed into place once the run is accepted (so a
 * failed run or a type error leaves no file, and never half of one); or standard output, held
 * back while the type check has not answered yet (a type error must print nothing on stdout).
 * A path that names no regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written
 * itself, once the run is accepted: renaming a file onto it would replace the device or pipe.
 * A symbolic link is followed: the file it points to is replaced, and the link stays.
 */
import {
  closeSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, resolve } from "node:path";

const NEWLINE = new Uint8Array([0x0a]);

export class JsonOutput {
  private fd: number | undefined;
  /** The file the JSON ends up in (the target, its links followed), and the one it is written to first. */
  private file: string;
  private held: string[] | null;
  /** A target that is no regular file: its chunks, kept until the run is accepted. */
  private stream: Uint8Array[] | null = null;
  /** Standard output takes text; a chunk may in principle end inside a character, so decode as a stream. */
  private readonly decoder = new TextDecoder();

  /** @param target `-` for standard output, else a file path. */
  constructor(
    private readonly target: string,
    private readonly out: (text: string) => void,
    /** Hold standard output back until `commit` (while the type check is still out). */
    hold: boolean,
  ) {
    this.file = target;
    this.held = target === "-" && hold ? [] : null;
  }

  /**
   * Opens the file before the run, so a path that cannot be written (a missing folder, a folder's
   * own name, no permission) is a bad argument said at once, not a crash after the run.
   * Throws an Error saying why.
   */
  open(): void {
    if (this.target === "-") return;
    const stats = statSync(this.target, { throwIfNoEntry: false });
    if (stats?.isDirectory()) throw new Error("it is a folder");
    if (stats && !stats.isFile()) {
      this.fd = openSync(this.target, "w");
      this.stream = [];
      return;
    }
    this.file = followLinks(this.target);
    this.fd = openSync(this.partial, "w");
  }

  private get partial(): string {
    return `${this.file}.${process.pid}.tmp`;
  }

  write(chunk: Uint8Array): void {
    if (this.stream) {
      this.stream.push(chunk.slice()); // a chunk's memory is reused for a later one
      return;
    }
    if (this.target !== "-") {
      this.fd ??= openSync(this.partial, "w");
      writeAll(this.fd, chunk);
      return;
    }
    const text = this.decoder.decode(chunk, { stream: true });
    if (this.held !== null) this.held.push(text);
    else this.out(text);
  }

  /** The run is accepted: finish the text with a newline and put it where it belongs. */
  commit(): void {
    this.write(NEWLINE);
    if (this.stream) {
      for (const chunk of this.stream) writeAll(this.fd!, chunk);
      closeSync(this.fd!);
      this.fd = undefined;
      this.stream = null;
    } else if (this.target !== "-") {
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.partial, this.file);
    } else if (this.held !== null) {
      for (const text of this.held) this.out(text);
      this.held = null;
    }
  }

  /** The run is refused: nothing it wrote stays. */
  discard(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
      if (this.stream) this.stream = null;
      else rmSync(this.partial, { force: true });
    }
    this.held = null;
  }
}

/** writeSync may write less than asked (a full disk, a pipe): go on from where it stopped. */
function writeAll(fd: number, chunk: Uint8Array): void {
  for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
}

/** The file a path names once its symbolic links are followed (a link to nowhere: where it points). */
function followLinks(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()
      ? resolve(dirname(path), readlinkSync(path))
      : path;
  }
}
