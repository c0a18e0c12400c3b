/**
 * Money for people: `93210.5` → `93,210.50`, `-1234` → `-1,234.00`; "—" for a missing or
 * non-finite amount. Written out rather than with Intl so the browser, Node and the engine's
 * messages agree to the byte. The one money formatter: engine messages, the page's tables
 * and the CLI's summary all use it.
 */
export function formatMoney(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const abs = Math.abs(x);
  const [int, frac] = (abs < 1e21 ? abs.toFixed(2) : `${wholeDigits(abs)}.00`).split(".") as [string, string];
  return `${x < 0 && /[1-9]/.test(int + frac) ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/**
 * 10^21 and up, which toFixed writes in exponent form ("2.5e+22"): the shortest digits that read
 * back as the same double, then zeros (25,000,… for 2.5e22, as typed, not the double's exact tail).
 */
function wholeDigits(x: number): string {
  const [mantissa, exponent] = x.toExponential().split("e") as [string, string];
  return mantissa.replace(".", "").padEnd(Number(exponent) + 1, "0");
}
