/**
 * Where the results JSON goes as its chunks (UTF-8 bytes) arrive from the strategy thread: a file,
 * written under a temporary name beside it and renamed into place once the run is accepted (so a
 * failed run or a type error leaves no file, and never half of one); or standard output, held
 * back while the type check has not answered yet (a type error must print nothing on stdout).
 */
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";

const NEWLINE = new Uint8Array([0x0a]);

export class JsonOutput {
  private fd: number | undefined;
  private readonly partial: string;
  private held: string[] | null;
  /** Standard output takes text; a chunk may in principle end inside a character, so decode as a stream. */
  private readonly decoder = new TextDecoder();

  /** @param target `-` for standard output, else a file path. */
  constructor(
    private readonly target: string,
    private readonly out: (text: string) => void,
    /** Hold standard output back until `commit` (while the type check is still out). */
    hold: boolean,
  ) {
    this.partial = `${target}.${process.pid}.tmp`;
    this.held = target === "-" && hold ? [] : null;
  }

  /**
   * Opens the file before the run, so a path that cannot be written (a missing folder, a folder's
   * own name, no permission) is a bad argument said at once, not a crash after the run.
   * Throws an Error saying why.
   */
  open(): void {
    if (this.target === "-") return;
    if (statSync(this.target, { throwIfNoEntry: false })?.isDirectory()) throw new Error("it is a folder");
    this.fd = openSync(this.partial, "w");
  }

  write(chunk: Uint8Array): void {
    if (this.target !== "-") {
      this.fd ??= openSync(this.partial, "w");
      // writeSync may write less than asked (a full disk, a pipe): go on from where it stopped.
      for (let at = 0; at < chunk.length;) at += writeSync(this.fd, chunk, at);
      return;
    }
    const text = this.decoder.decode(chunk, { stream: true });
    if (this.held !== null) this.held.push(text);
    else this.out(text);
  }

  /** The run is accepted: finish the text with a newline and put it where it belongs. */
  commit(): void {
    this.write(NEWLINE);
    if (this.target !== "-") {
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.partial, this.target);
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
      rmSync(this.partial, { force: true });
    }
    this.held = null;
  }
}
