import { checkNumber, type NumberParam } from "../settings/setting-kinds";
import { StrategyError } from "../strategy-error";

/**
 * A built-in model's parameter: the value given, or the settings table's default, checked
 * against the table's range, so `new PerShare({ cost })` and the panel accept the same numbers.
 */
export function modelParam(name: string, p: NumberParam, v: unknown): number {
  const r = checkNumber(name, p, v ?? p.default);
  if (!r.ok) throw new StrategyError(r.errors.join("; "));
  return r.value;
}
