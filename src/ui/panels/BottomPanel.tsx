import { usePlayground, type BottomTab } from "../../store/store";
import { Blotter } from "./Blotter";
import { FillsTable } from "./FillsTable";
import { LogPanel } from "./LogPanel";
import { MetricsPanel } from "./MetricsPanel";
import { TradesTable } from "./TradesTable";

function TabCount({ tab }: { tab: BottomTab }) {
  const n = usePlayground((s) => {
    switch (tab) {
      case "orders":
        return s.results.orderIds.length;
      case "fills":
        return s.results.fills.length;
      case "trades":
        return s.results.final?.trades.length ?? 0;
      case "log":
        return s.results.logs.length;
      default:
        return 0;
    }
  });
  const errors = usePlayground((s) => tab === "log" && s.results.logs.some((l) => l.level === "error"));
  if (n === 0) return null;
  return <span className={`tab-count ${errors ? "tab-count-error" : ""}`}>{n}</span>;
}

const TABS: Array<{ id: BottomTab; label: string }> = [
  { id: "orders", label: "Orders" },
  { id: "fills", label: "Fills" },
  { id: "trades", label: "Trades" },
  { id: "metrics", label: "Metrics" },
  { id: "log", label: "Log" },
];

export function BottomPanel() {
  const tab = usePlayground((s) => s.bottomTab);
  const setTab = usePlayground((s) => s.setBottomTab);
  return (
    <section className="bottom-panel" aria-label="Results">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={tab === t.id}
            className={`tab ${tab === t.id ? "tab-active" : ""}`}
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            <TabCount tab={t.id} />
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === "orders" && <Blotter />}
        {tab === "fills" && <FillsTable />}
        {tab === "trades" && <TradesTable />}
        {tab === "metrics" && <MetricsPanel />}
        {tab === "log" && <LogPanel />}
      </div>
    </section>
  );
}
