import { compileStrategy } from "./compile-strategy";
import { addLineProbes } from "./line-probes";
import { loadStrategy } from "./load-strategy";

/** What a user's strategy is made of: types, an import from "playground", a class, a loop, a function. */
const WARM_UP_SOURCE = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";
const half = (x: number): number => x / 2;
export default class WarmUp extends TradingAlgorithm {
  override initialize(context: Context): void { context.n = 0; }
  override handleData(context: Context, data: BarData): void {
    for (let i = 0; i < 2; i++) context.n += half(i);
    if (context.n < 0) order(context.asset, 1);
  }
}`;

/**
 * Compiles and loads a small strategy through the path a run takes (sucrase, the line probes,
 * a SES Compartment), so that their first use in a fresh worker (sucrase builds its tables, V8
 * compiles the parsers) happens in the spare run worker before Run is pressed, not in the run.
 * Nothing of it is kept: each run compiles its own code into a compartment of its own.
 * Whether it went through.
 */
export function warmUpStrategyPath(): boolean {
  try {
    const { code, shifts } = addLineProbes(compileStrategy(WARM_UP_SOURCE, "warm-up.ts"));
    loadStrategy(code, "warm-up.ts", WARM_UP_SOURCE, { atLine: () => undefined, shifts });
    return true;
  } catch {
    // Only a head start: a run that follows meets the same failure itself and reports it.
    return false;
  }
}
