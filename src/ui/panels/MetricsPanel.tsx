import type { ResultsJson } from "../../engine/results/results-schema";
import { usePlayground } from "../../store/store";
import { formatCount, formatMoney, formatNumber, formatPercent } from "./format";

type Summary = ResultsJson["summary"];
interface Metric {
  label: string;
  value: (s: Summary, r: ResultsJson) => string;
  tone?: (s: Summary) => number | null;
  hint?: string;
}

function sideCount(side: Summary["long"]): string {
  return side.trades === 0 ? "0" : `${formatCount(side.trades)} (${formatPercent(side.winRate, 1)} won)`;
}

const GROUPS: Array<{ title: string; metrics: Metric[] }> = [
  {
    title: "Returns",
    metrics: [
      {
        label: "Net profit",
        value: (s) => formatMoney(s.endingValue - s.startingCash),
        tone: (s) => s.endingValue - s.startingCash,
      },
      { label: "Total return", value: (s) => formatPercent(s.totalReturn), tone: (s) => s.totalReturn },
      { label: "CAGR", value: (s) => formatPercent(s.cagr), tone: (s) => s.cagr },
      { label: "Starting cash", value: (s) => formatMoney(s.startingCash) },
      { label: "Ending value", value: (s) => formatMoney(s.endingValue) },
      {
        label: "Realized P&L",
        value: (s) => formatMoney(s.realizedPnl),
        tone: (s) => s.realizedPnl,
        hint: "before commissions: net profit = realized + unrealized P&L − commissions (the Trades tab's P&L is after them)",
      },
      { label: "Unrealized P&L", value: (s) => formatMoney(s.unrealizedPnl), tone: (s) => s.unrealizedPnl },
      {
        label: "Buy & hold return",
        value: (s) => (s.buyAndHoldSymbol ? `${formatPercent(s.buyAndHoldReturn)} (${s.buyAndHoldSymbol})` : "—"),
        tone: (s) => s.buyAndHoldReturn,
        hint: "the first traded symbol bought at the run's first close and held to its last",
      },
    ],
  },
  {
    title: "Risk",
    metrics: [
      { label: "Max drawdown", value: (s) => formatPercent(s.maxDrawdown), tone: (s) => (s.maxDrawdown < 0 ? -1 : 0) },
      { label: "Max drawdown duration", value: (s) => `${formatCount(s.maxDrawdownDuration)} bars` },
      { label: "Annual volatility", value: (s) => formatPercent(s.annualVolatility) },
      { label: "Sharpe ratio", value: (s) => formatNumber(s.sharpe), hint: "risk-free rate 0" },
      { label: "Sortino ratio", value: (s) => formatNumber(s.sortino) },
      { label: "Calmar ratio", value: (s) => formatNumber(s.calmar) },
      { label: "Exposure", value: (s) => formatPercent(s.exposure, 1), hint: "share of bars holding a position" },
    ],
  },
  {
    title: "Trades",
    metrics: [
      { label: "Closed trades", value: (s) => formatCount(s.trades), hint: "one per entry order" },
      { label: "Win rate", value: (s) => formatPercent(s.winRate, 1) },
      { label: "Profit factor", value: (s) => formatNumber(s.profitFactor) },
      { label: "Gross profit", value: (s) => formatMoney(s.grossProfit), tone: (s) => s.grossProfit },
      { label: "Gross loss", value: (s) => formatMoney(s.grossLoss), tone: (s) => s.grossLoss },
      { label: "Average win", value: (s) => formatMoney(s.averageWin), tone: (s) => s.averageWin },
      { label: "Average loss", value: (s) => formatMoney(s.averageLoss), tone: (s) => s.averageLoss },
      { label: "Largest win", value: (s) => formatMoney(s.largestWin), tone: (s) => s.largestWin },
      { label: "Largest loss", value: (s) => formatMoney(s.largestLoss), tone: (s) => s.largestLoss },
      {
        label: "Expectancy",
        value: (s) => formatMoney(s.expectancy),
        tone: (s) => s.expectancy,
        hint: "mean P&L per trade",
      },
      { label: "Longest losing streak", value: (s) => `${formatCount(s.maxConsecutiveLosses)} trades` },
      { label: "Longest winning streak", value: (s) => `${formatCount(s.maxConsecutiveWins)} trades` },
      { label: "Average bars in trade", value: (s) => formatNumber(s.averageBarsInTrade, 1) },
      { label: "Orders / fills", value: (s) => `${formatCount(s.orders)} / ${formatCount(s.fills)}` },
    ],
  },
  {
    title: "Long / short",
    metrics: [
      { label: "Long trades", value: (s) => sideCount(s.long) },
      { label: "Long P&L", value: (s) => formatMoney(s.long.pnl), tone: (s) => s.long.pnl },
      { label: "Long profit factor", value: (s) => formatNumber(s.long.profitFactor) },
      { label: "Short trades", value: (s) => sideCount(s.short) },
      { label: "Short P&L", value: (s) => formatMoney(s.short.pnl), tone: (s) => s.short.pnl },
      { label: "Short profit factor", value: (s) => formatNumber(s.short.profitFactor) },
    ],
  },
  {
    title: "Costs & run",
    metrics: [
      { label: "Commissions", value: (s) => formatMoney(s.commissions) },
      { label: "Turnover", value: (s) => formatNumber(s.turnover), hint: "traded notional ÷ mean equity" },
      {
        label: "Ambiguous bars",
        value: (s) => formatCount(s.ambiguousBars),
        hint: "bars where both bracket/OCO legs could fill; the same-bar policy decided",
      },
      { label: "Benchmark", value: (s) => (s.benchmark ? `${s.benchmark} ${formatPercent(s.benchmarkReturn)}` : "—") },
      {
        label: "Alpha / beta",
        value: (s) => (s.benchmark ? `${formatNumber(s.alpha)} / ${formatNumber(s.beta)}` : "—"),
      },
      {
        label: "Bars",
        value: (_s, r) =>
          `${formatCount(r.run.bars)} (${r.run.start?.slice(0, 10) ?? ""} → ${r.run.end?.slice(0, 10) ?? ""})`,
      },
      { label: "Fills hash", value: (_s, r) => r.run.fillsHash.slice(0, 16), hint: "equal hashes = identical fills" },
    ],
  },
];

export function MetricsPanel() {
  const results = usePlayground((s) => s.results.final);
  const running = usePlayground((s) => s.run.status === "running");
  if (!results)
    return <p className="empty">{running ? "Metrics appear when the run is done." : "No results yet. Press Run."}</p>;
  const s = results.summary;
  return (
    <div className="metrics" data-testid="metrics">
      {GROUPS.map((g) => (
        <section key={g.title} className="metric-group">
          <h3>{g.title}</h3>
          <dl>
            {g.metrics.map((m) => {
              const tone = m.tone?.(s);
              const cls = tone === undefined || tone === null || tone === 0 ? "" : tone > 0 ? "pos" : "neg";
              return (
                <div key={m.label} className="metric" title={m.hint}>
                  <dt>{m.label}</dt>
                  <dd
                    className={`mono ${cls}`}
                    data-testid={`metric-${m.label.toLowerCase().replace(/[^a-z]+/g, "-")}`}
                  >
                    {m.value(s, results)}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
