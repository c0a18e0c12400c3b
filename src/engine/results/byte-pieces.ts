/**
 * Fixed runs of bytes (a row's punctuation, indentation and keys) kept as big-endian 32-bit
 * words, so writing one is a store per four bytes instead of a load and a store per byte. The
 * last word is padded with zeros: a piece writes up to three bytes past its end, which the
 * writer's next bytes overwrite (so room for `length + 3` must be free).
 */
export interface BytePiece {
  readonly words: readonly number[];
  readonly length: number;
}

/** The piece of `bytes`. */
export function bytePiece(bytes: Uint8Array): BytePiece {
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    let w = 0;
    for (let j = 0; j < 4; j++) w = (w << 8) | (bytes[i + j] ?? 0);
    words.push(w | 0);
  }
  return { words, length: bytes.length };
}

/** Writes `piece` at `p`; the position after it. */
export function writePiece(view: DataView, p: number, piece: BytePiece): number {
  const words = piece.words;
  for (let i = 0, q = p; i < words.length; i++, q += 4) view.setInt32(q, words[i]!);
  return p + piece.length;
}
