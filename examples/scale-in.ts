/**
 * Scale-In Strategy
 * Build a 300-share AAPL position in three market orders of 100, at least 5 days apart.
 * @category advanced
 */
import { TradingAlgorithm, order, type Context, type BarData } from "playground";

const DAY_MS = 86_400_000;

// Ported from the seed's "Scale-In Strategy".
export default class ScaleIn extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.totalTarget = 300; // Total position target
    context.scaleIncrements = 3; // Number of entries
    context.scaleInterval = 5; // Days between entries
    context.entriesMade = 0;
    context.lastEntryDate = null;
  }

  override handleData(context: Context, _data: BarData): void {
    const position = context.portfolio.positions.get(context.asset);
    const currentShares = position ? position.amount : 0;

    // Check if we should scale in
    if (context.entriesMade < context.scaleIncrements) {
      // Check timing: whole calendar days since the last entry, like Python's timedelta.days
      if (
        context.lastEntryDate === null ||
        Math.floor((context.datetime.getTime() - context.lastEntryDate.getTime()) / DAY_MS) >= context.scaleInterval
      ) {
        // Calculate increment size (Python's // on whole numbers)
        const increment = Math.floor(context.totalTarget / context.scaleIncrements);

        order(context.asset, increment);
        context.entriesMade += 1;
        context.lastEntryDate = context.datetime;

        this.log.info(
          `Scale-in entry ${context.entriesMade}/${context.scaleIncrements}: ` +
            `${increment} shares (holding ${currentShares})`,
        );
      }
    }
  }
}
