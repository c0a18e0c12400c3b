import type { BarForensics, OrderOnBar } from "../../engine/matching/bar-forensics";
import type { OrderLabel } from "../../engine/orders/order-label";
import { formatPrice } from "../../engine/price-text";
import { levelColor, ORDER_COLORS } from "../charts/order-style";

const W = 340;
const H = 150;
const PAD = { left: 10, right: 78, top: 12, bottom: 20 };

export function orderColor(o: OrderOnBar): string {
  if (o.type === "market") return o.side === "buy" ? ORDER_COLORS.buy : ORDER_COLORS.sell;
  const kind = o.type === "trailingStop" ? "trailing" : o.type === "limit" ? "limit" : "stop";
  return levelColor({ role: o.label as OrderLabel, kind });
}

/** The price levels an order worked at on the bar: a stop-limit has two. */
function levelsOf(o: OrderOnBar): { price: number; name: string; dashed: boolean }[] {
  const out: { price: number; name: string; dashed: boolean }[] = [];
  if (o.stop !== null)
    out.push({ price: o.stop, name: o.type === "stopLimit" ? `${o.label} stop` : o.label, dashed: true });
  if (o.limit !== null)
    out.push({ price: o.limit, name: o.type === "stopLimit" ? `${o.label} limit` : o.label, dashed: false });
  return out;
}

/**
 * The bar's assumed path as a polyline (open → nearer extreme → other extreme → close), each
 * working level as a horizontal line from where it started working, and where each order
 * triggered (◇) and filled (●; ○ where the path reached it but it did not fill).
 */
export function PathSketch({ f }: { f: BarForensics }) {
  const { bar, path } = f;
  const span = Math.max(bar.high - bar.low, bar.high * 0.002);
  const lo = bar.low - span * 0.12;
  const hi = bar.high + span * 0.12;
  // Levels far from the bar are drawn at the edge, with an arrow saying where they are.
  const reach = Math.max(span * 1.5, bar.high * 0.02);
  const clampLo = bar.low - reach;
  const clampHi = bar.high + reach;
  const allLevels = f.orders.flatMap(levelsOf).map((l) => l.price);
  const yLo = Math.min(lo, ...allLevels.filter((p) => p >= clampLo));
  const yHi = Math.max(hi, ...allLevels.filter((p) => p <= clampHi));
  const labelOf = (l: { price: number; name: string }) =>
    `${l.name} ${formatPrice(l.price, f.tick)}${l.price < yLo ? " ↓" : l.price > yHi ? " ↑" : ""}`;
  // The labels' column is as wide as the longest (10 px mono: about 6.1 px a character), so a
  // five-decimal price (limit 1.10111) is not cut at the edge.
  const longest = Math.max(0, ...f.orders.flatMap(levelsOf).map((l) => labelOf(l).length));
  const right = Math.max(PAD.right, 8 + Math.ceil(longest * 6.1));
  const last = Math.max(1, path.length - 1);
  const x = (tau: number) =>
    path.length === 1 ? (PAD.left + W - right) / 2 : PAD.left + (tau / last) * (W - PAD.left - right);
  const y = (p: number) =>
    PAD.top + ((yHi - Math.min(yHi, Math.max(yLo, p))) / (yHi - yLo)) * (H - PAD.top - PAD.bottom);
  const pts = path.map((p) => `${x(p.tau).toFixed(1)},${y(p.price).toFixed(1)}`).join(" ");
  return (
    <svg
      className="forensics-sketch"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`Assumed path: ${path.map((p) => `${p.label} ${formatPrice(p.price, f.tick)}`).join(", then ")}`}
      data-testid="forensics-sketch"
    >
      {f.orders.flatMap((o) =>
        levelsOf(o).map((l) => (
          <g key={`${o.orderId}-${l.name}`} data-level={o.orderId}>
            <line
              x1={x(o.from)}
              x2={W - right}
              y1={y(l.price)}
              y2={y(l.price)}
              stroke={orderColor(o)}
              strokeWidth={1.5}
              strokeDasharray={l.dashed ? "5 3" : undefined}
              opacity={o.filled === 0 ? 0.55 : 1}
            />
            <text x={W - right + 4} y={y(l.price) + 3.5} className="forensics-level-label" fill={orderColor(o)}>
              {labelOf(l)}
            </text>
          </g>
        )),
      )}
      <polyline points={pts} className="forensics-path" fill="none" strokeWidth={1.8} />
      {path.map((p) => (
        <g key={p.tau}>
          <circle cx={x(p.tau)} cy={y(p.price)} r={2.5} className="forensics-vertex" />
          <text
            x={x(p.tau)}
            y={p.label === "high" ? y(p.price) - 5 : y(p.price) + 13}
            textAnchor="middle"
            className="forensics-vertex-label"
          >
            {p.label === "open" ? "O" : p.label === "close" ? "C" : p.label === "high" ? "H" : "L"}
          </text>
        </g>
      ))}
      {f.orders.map((o) => (
        <g key={`m-${o.orderId}`}>
          {o.trigger && (
            <rect
              x={x(o.trigger.tau) - 4}
              y={y(o.trigger.price) - 4}
              width={8}
              height={8}
              transform={`rotate(45 ${x(o.trigger.tau)} ${y(o.trigger.price)})`}
              fill="none"
              stroke={orderColor(o)}
              strokeWidth={1.5}
            />
          )}
          {o.reach && (
            <circle
              data-testid={`forensics-point-${o.orderId}`}
              cx={x(o.reach.tau)}
              cy={y(o.reach.price)}
              r={4.5}
              fill={o.filled !== 0 ? orderColor(o) : "var(--bg-raised)"}
              stroke={orderColor(o)}
              strokeWidth={1.5}
            >
              <title>{`${o.label} ${o.filled !== 0 ? "filled" : "reached"} at ${formatPrice(o.reach.price, f.tick)}`}</title>
            </circle>
          )}
        </g>
      ))}
    </svg>
  );
}
