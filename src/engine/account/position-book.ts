import type { Asset } from "../data/asset";
import { removeFrom } from "../remove-from";

/** What the book needs of a position (the ledger's Position; generic so that the two files do not import each other). */
interface Held {
  readonly asset: Asset;
}

/**
 * The open positions by asset: a read-only Map to its readers (`ledger.positions`, and through
 * a view `context.portfolio.positions`), in the order they were opened as a Map keeps them.
 * A slot per symbol id instead of a Map: strategies and the matcher look a position up every
 * bar, and a Map hashed the key each time and allocated a new table each time its one position
 * closed and another opened.
 */
export class PositionBook<Position extends Held> implements ReadonlyMap<Asset, Position> {
  /** By symbol id; undefined where that symbol has no open position. */
  readonly #bySid: (Position | undefined)[] = [];
  /** The same positions in the order they were opened (the order a Map iterates them in). */
  readonly held: Position[] = [];

  get size(): number {
    return this.held.length;
  }

  /** The open position of `asset` (the very object `symbol()` gave, as a Map's key is). */
  get(asset: Asset): Position | undefined {
    const sid = (asset as Asset | undefined)?.sid;
    const p = typeof sid === "number" ? this.#bySid[sid] : undefined;
    return p !== undefined && p.asset === asset ? p : undefined;
  }

  has(asset: Asset): boolean {
    return this.get(asset) !== undefined;
  }

  /** Add a position just opened (its asset has none). */
  open(p: Position): void {
    const sid = p.asset.sid;
    while (this.#bySid.length <= sid) this.#bySid.push(undefined);
    this.#bySid[sid] = p;
    this.held.push(p);
  }

  /** Take out a position just closed. */
  close(p: Position): void {
    this.#bySid[p.asset.sid] = undefined;
    removeFrom(this.held, p);
  }

  keys(): MapIterator<Asset> {
    return this.held.map((p) => p.asset).values();
  }

  values(): MapIterator<Position> {
    return this.held.slice().values();
  }

  entries(): MapIterator<[Asset, Position]> {
    return this.held.map((p): [Asset, Position] => [p.asset, p]).values();
  }

  [Symbol.iterator](): MapIterator<[Asset, Position]> {
    return this.entries();
  }

  forEach(callback: (value: Position, key: Asset, map: ReadonlyMap<Asset, Position>) => void, thisArg?: unknown): void {
    for (const p of this.held.slice()) callback.call(thisArg, p, p.asset, this);
  }

  get [Symbol.toStringTag](): string {
    return "PositionBook";
  }
}
