"""B1-B3 for backtesting.py (the peer's source on PYTHONPATH), from the rules in bench/README.md.
Usage: python3 btpy_bench.py B1|B2|B3 DATADIR  ->  one JSON line (run_s engine, proc_s whole process)."""
import json
import os
import sys
import time
import warnings

PROC0 = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bokeh_stub  # noqa: E402

bokeh_stub.install()
import pandas as pd  # noqa: E402
from backtesting import Backtest, Strategy  # noqa: E402
from backtesting.lib import crossover  # noqa: E402


def rolling_mean(values, n):
    return pd.Series(values).rolling(n).mean().to_numpy()


def previous_highest(values, n):
    return pd.Series(values).shift(1).rolling(n).max().to_numpy()


class B1(Strategy):
    def init(self):
        self.fast = self.I(rolling_mean, self.data.Close, 10)
        self.slow = self.I(rolling_mean, self.data.Close, 30)

    def next(self):
        if not self.position and crossover(self.fast, self.slow):
            self.buy(size=0.95)
        elif self.position and crossover(self.slow, self.fast):
            self.position.close()


class B2(Strategy):
    def init(self):
        self.highest = self.I(previous_highest, self.data.High, 20)

    def next(self):
        close = self.data.Close[-1]
        for trade in self.trades:
            trade.sl = max(trade.sl or 0.0, 0.95 * close)
        if not self.position and not self.orders and close > self.highest[-1]:
            self.buy(size=0.95)


class B3(Strategy):
    def init(self):
        pass

    def next(self):
        if len(self.data) % 50 == 0 and not self.position and not self.orders:
            close = self.data.Close[-1]
            self.buy(size=0.95, sl=0.98 * close, tp=1.04 * close)


def main():
    name, data_dir = sys.argv[1], sys.argv[2]
    warnings.simplefilter("ignore")
    frame = pd.read_csv(os.path.join(data_dir, "single_200k.csv"), index_col=0, parse_dates=True)
    # 547 years of days overflow the peer's timedelta64[ns] drawdown durations: use a RangeIndex.
    frame = frame.reset_index(drop=True)
    t0 = time.perf_counter()
    stats = Backtest(frame, {"B1": B1, "B2": B2, "B3": B3}[name], cash=1_000_000).run()
    t1 = time.perf_counter()
    closed = int(stats["# Trades"])
    still_open = len(stats["_strategy"].trades)
    print(json.dumps({"engine": "backtesting.py", "bench": name, "bars": len(frame), "run_s": t1 - t0,
                      "proc_s": t1 - PROC0, "fills": 2 * closed + still_open,
                      "final_value": round(float(stats["Equity Final [$]"]), 2)}))


main()
