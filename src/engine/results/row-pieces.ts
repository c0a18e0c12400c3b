/**
 * The fixed bytes of the rows the results writer writes by the hundred thousand (equity points,
 * events, log lines, orders, fills, trades), made once per layout (compact or indented): each
 * key with the separator and line before it, and the runs where a constant value or a time's
 * opening quote follow a key. A row is an object at depth 2 of the results, its members at depth 3.
 */
import type { BytePiece } from "./byte-pieces";
import { type JsonBytes, piecesOf } from "./json-bytes";

const MEMBER = 3;
/** Values past this many (a run's symbols, say) get their piece made each time instead of kept. */
const MAX_KEPT_VALUES = 4096;

/** How a row of an array opens: the first row, and every row after it (with its comma). */
export interface RowOpening {
  readonly first: BytePiece;
  readonly next: BytePiece;
}

/**
 * The pieces of a string field whose value comes from a small set (event kinds, statuses, order
 * types, time in force, symbols, labels), made on the value's first use and kept: the field's key,
 * its value as a JSON string and the key after it become one piece, written as words, instead of a
 * piece, a string written character by character and another piece.
 */
export class ValuePieces {
  private readonly made = new Map<string, BytePiece>();
  /** The value asked last and its piece: a run of one symbol asks for the same one row after row. */
  private lastValue: string | null = null;
  private lastPiece: BytePiece | null = null;
  constructor(private readonly make: (value: string) => BytePiece) {}

  of(value: string): BytePiece {
    if (value === this.lastValue) return this.lastPiece!;
    const piece = this.made.get(value) ?? this.add(value);
    this.lastValue = value;
    this.lastPiece = piece;
    return piece;
  }

  private add(value: string): BytePiece {
    const p = this.make(value);
    if (this.made.size < MAX_KEPT_VALUES) this.made.set(value, p);
    return p;
  }
}

/** Every key the rows use. */
const KEYS = [
  "id",
  "dt",
  "type",
  "event",
  "orderId",
  "symbol",
  "status",
  "reason",
  "filled",
  "amount",
  "price",
  "commission",
  "basePrice",
  "level",
  "message",
  "value",
  "cash",
  "limit",
  "stop",
  "trailPercent",
  "trailAmount",
  "tif",
  "parentId",
  "ocoId",
  "role",
  "createdAt",
  "updatedAt",
  "avgFillPrice",
  "side",
  "entryOrderId",
  "entryDt",
  "entryPrice",
  "exitDt",
  "exitPrice",
  "exitOrderId",
  "exitReason",
  "pnl",
  "returnPct",
  "bars",
  "mae",
  "mfe",
  "hwm",
] as const;
export type RowKey = (typeof KEYS)[number];

function make(pretty: boolean) {
  const piece = (write: (out: JsonBytes) => void) => piecesOf(pretty, write);
  /** `,` + line + `"name": `: a member after the first. */
  const next = Object.fromEntries(KEYS.map((k) => [k, piece((out) => out.key(k, false, MEMBER))])) as Record<
    RowKey,
    BytePiece
  >;
  /** `{` + line + `"name": `: a row's first member. */
  const open = (k: RowKey, then = "") =>
    piece((out) => {
      out.byte(0x7b);
      out.key(k, true, MEMBER);
      for (const c of then) out.byte(c.charCodeAt(0));
    });
  /** `"` closing a row's time, `"type": "<kind>"`, then the key after it (an event after its time). */
  const typed = (kind: string, then: RowKey) =>
    piece((out) => {
      out.byte(0x22);
      out.key("type", false, MEMBER);
      out.string(kind);
      out.key(then, false, MEMBER);
    });
  /** `"` closing a time, then the key after it (and the opening `"` of a time after a time). */
  const afterDt = (then: RowKey, timeNext = false) =>
    piece((out) => {
      out.byte(0x22);
      out.key(then, false, MEMBER);
      if (timeNext) out.byte(0x22);
    });
  /** `,` + line + `"name": "`: a member whose value is a time (its text follows). */
  const time = (k: RowKey) =>
    piece((out) => {
      out.key(k, false, MEMBER);
      out.byte(0x22);
    });
  const openDt = open("dt", '"');
  /** A row's opening as the first member of an array at depth 1, and as a later one. */
  const asMember = (opening: BytePiece): RowOpening => ({
    first: piece((out) => {
      out.member(true, MEMBER - 1);
      out.piece(opening);
    }),
    next: piece((out) => {
      out.member(false, MEMBER - 1);
      out.piece(opening);
    }),
  });
  const close = piece((out) => out.close(0x7d, MEMBER - 1));
  type Write = (out: JsonBytes) => void;
  /** A member's key (`,` + line + `"key": `). */
  const key =
    (k: RowKey): Write =>
    (out) =>
      out.key(k, false, MEMBER);
  /** What `before` writes, a string value, then what `then` writes (the next key, say). */
  const field = (before: Write | null, then: Write) =>
    new ValuePieces((value) =>
      piece((out) => {
        before?.(out);
        out.string(value);
        then(out);
      }),
    );
  return {
    next,
    /** `{` + line + `"dt": "`: a row that starts with its time (the time's text follows). */
    openDt,
    /** The row before's end, then the next such row: line + `},` + line + `{` + line + `"dt": "`. */
    closeOpenDt: piece((out) => {
      out.piece(close);
      out.member(false, MEMBER - 1);
      out.piece(openDt);
    }),
    /** `{` + line + `"id": `, `{` + line + `"orderId": `, `{` + line + `"symbol": `. */
    openId: open("id"),
    openOrderId: open("orderId"),
    openSymbol: open("symbol"),
    /** The same openings with the separator before a row of an array (its line, and a comma after the first row). */
    rowOpenDt: asMember(openDt),
    rowOpenId: asMember(open("id")),
    rowOpenOrderId: asMember(open("orderId")),
    rowOpenSymbol: asMember(open("symbol")),
    /** After an equity point's or a log line's time. */
    dtThenValue: afterDt("value"),
    dtThenLevel: afterDt("level"),
    /** The times of fills, orders and trades (after another member), and what follows each. */
    nextTime: { dt: time("dt"), createdAt: time("createdAt"), entryDt: time("entryDt"), exitDt: time("exitDt") },
    dtThenAmount: afterDt("amount"),
    createdThenUpdated: afterDt("updatedAt", true),
    updatedThenAvgFillPrice: afterDt("avgFillPrice"),
    entryDtThenPrice: afterDt("entryPrice"),
    exitDtThenPrice: afterDt("exitPrice"),
    /** After an event's time: its type and the next key. */
    orderEvent: typed("order", "event"),
    fillEvent: typed("fill", "orderId"),
    logEvent: typed("log", "level"),
    stopMovedEvent: typed("stopMoved", "orderId"),
    /** Line + `}`: the end of a row. */
    close,
    /** An order event's `"` closing its time, its type and `"event": "<kind>"`, then `"orderId": `. */
    orderEventOf: field((out) => {
      out.byte(0x22);
      out.key("type", false, MEMBER);
      out.string("order");
      out.key("event", false, MEMBER);
    }, key("orderId")),
    /** `"symbol": "<symbol>"` and the key after it: in order events, fill events, stop moves, orders, fills. */
    symbolThenStatus: field(key("symbol"), key("status")),
    symbolThenAmount: field(key("symbol"), key("amount")),
    symbolThenStop: field(key("symbol"), key("stop")),
    /** `"symbol": "<symbol>"`, then `"dt": "` (the opening quote of the time that follows). */
    symbolThenDt: field(key("symbol"), (out) => {
      out.key("dt", false, MEMBER);
      out.byte(0x22);
    }),
    /** `"<status>"`, then `"reason": ` (the status's key is before it). */
    statusThenReason: field(null, key("reason")),
    /** An order's `"type": "<type>"` then `"limit": `, and `"tif": "<tif>"` then `"parentId": `. */
    typeThenLimit: field(key("type"), key("limit")),
    tifThenParentId: field(key("tif"), key("parentId")),
    /** A fill's `"reason": "<label>"` and the end of its row. */
    reasonThenClose: field(key("reason"), (out) => out.piece(close)),
    /** `null`, then `"filled": ` (an order event without a reason). */
    nullThenFilled: piece((out) => {
      out.literal(null);
      out.key("filled", false, MEMBER);
    }),
  };
}

export type RowPieces = ReturnType<typeof make>;

const made: Array<RowPieces | undefined> = [];

/** The pieces of one layout, made on first use. */
export function rowPieces(pretty: boolean): RowPieces {
  return (made[pretty ? 1 : 0] ??= make(pretty));
}
