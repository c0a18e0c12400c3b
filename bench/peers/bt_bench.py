"""B1-B4 for backtrader (the peer's source on PYTHONPATH), from the rules in bench/README.md.
Usage: python3 bt_bench.py B1|B2|B3|B4 DATADIR  ->  one JSON line (run_s engine, proc_s whole process)."""
import json
import os
import sys
import time

PROC0 = time.perf_counter()
import pandas as pd  # noqa: E402
import backtrader as bt  # noqa: E402


class Counted(bt.Strategy):
    def __init__(self):
        self.fills = 0
        self.live = set()

    def notify_order(self, order):
        if order.status == order.Completed:
            self.fills += 1
        if not order.alive():
            self.live.discard(order.ref)
        self.on_order(order)

    def on_order(self, order):
        pass

    def all_in(self):
        return int(0.95 * self.broker.getvalue() / self.data.close[0])


class B1(Counted):
    def __init__(self):
        super().__init__()
        fast = bt.ind.SMA(self.data.close, period=10)
        slow = bt.ind.SMA(self.data.close, period=30)
        self.cross = bt.ind.CrossOver(fast, slow)

    def next(self):
        if not self.position and self.cross[0] > 0:
            self.buy(size=self.all_in())
        elif self.position and self.cross[0] < 0:
            self.close()


class B2(Counted):
    def __init__(self):
        super().__init__()
        self.highest = bt.ind.Highest(self.data.high(-1), period=20)
        self.waiting = False

    def on_order(self, order):
        if order.isbuy() and order.status == order.Completed:
            self.sell(exectype=bt.Order.StopTrail, trailpercent=0.05, size=order.executed.size)
        elif not order.alive():
            self.waiting = False

    def next(self):
        if not self.waiting and not self.position and self.data.close[0] > self.highest[0]:
            self.buy(size=self.all_in())
            self.waiting = True


class B3(Counted):
    def next(self):
        if len(self) % 50 == 0 and not self.position and not self.live:
            close = self.data.close[0]
            legs = self.buy_bracket(size=self.all_in(), exectype=bt.Order.Market,
                                    stopprice=0.98 * close, limitprice=1.04 * close)
            self.live.update(leg.ref for leg in legs)


class B4(Counted):
    def next(self):
        if (len(self) - 1) % 21:
            return
        weight = 0.98 / len(self.datas)
        target = weight * self.broker.getvalue()
        gaps = sorted(((target - self.getposition(d).size * d.close[0], i) for i, d in enumerate(self.datas)))
        for _, i in gaps:
            self.order_target_percent(self.datas[i], target=weight)


def main():
    name, data_dir = sys.argv[1], sys.argv[2]
    if name == "B4":
        folder = os.path.join(data_dir, "multi")
        paths = [os.path.join(folder, f) for f in sorted(os.listdir(folder))]
    else:
        paths = [os.path.join(data_dir, "single_200k.csv")]
    frames = [pd.read_csv(p, index_col=0, parse_dates=True) for p in paths]
    t0 = time.perf_counter()
    cerebro = bt.Cerebro(stdstats=False)
    for i, frame in enumerate(frames):
        cerebro.adddata(bt.feeds.PandasData(dataname=frame), name="a%02d" % i)
    cerebro.broker.setcash(1_000_000.0)
    cerebro.addstrategy({"B1": B1, "B2": B2, "B3": B3, "B4": B4}[name])
    strategy = cerebro.run()[0]
    t1 = time.perf_counter()
    print(json.dumps({"engine": "backtrader", "bench": name, "bars": sum(len(f) for f in frames),
                      "run_s": t1 - t0, "proc_s": t1 - PROC0, "fills": strategy.fills,
                      "final_value": round(cerebro.broker.getvalue(), 2)}))


main()
