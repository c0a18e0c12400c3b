/**
 * Money for people: `93210.5` → `93,210.50`, `-1234` → `-1,234.00`; "—" for a missing or
 * non-finite amount. Written out rather than with Intl so the browser, Node and the engine's
 * messages agree to the byte. The one money formatter: engine messages, the page's tables
 * and the CLI's summary all use it.
 */
export function formatMoney(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const [int, frac] = Math.abs(x).toFixed(2).split(".") as [string, string];
  return `${x < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}
