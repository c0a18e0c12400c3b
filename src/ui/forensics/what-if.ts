import { SAME_BAR_POLICY, type SameBarPolicy } from "../../engine/settings/same-bar-setting";
import { appStoreApi } from "../../store/store";
import { runSettingsOf } from "./forensics-input";
import { forensicsStore, type PolicyOutcome } from "./forensics-store";
import { totalPnl, tradeChanges } from "./trade-changes";
import { runWithPolicy } from "./what-if-runner";
import { tickOf } from "../data/price-ticks";

let running: AbortController | null = null;

function setOutcome(runId: number, policy: SameBarPolicy, outcome: PolicyOutcome): void {
  const w = forensicsStore.getState().whatIf;
  if (w?.runId !== runId) return;
  forensicsStore.setState({ whatIf: { runId, policies: { ...w.policies, [policy]: outcome } } });
}

/**
 * Re-runs the shown, finished run with each other same-bar policy, one after the other, and
 * records the trades that change. Once per run: switching the bar or the switch keeps them.
 */
export function startWhatIf(): void {
  const s = appStoreApi().getState();
  const final = s.results.final;
  const ran = s.lastRunInput;
  const runId = s.run.runId;
  const shown = runSettingsOf(s).samePolicy;
  const others = SAME_BAR_POLICY.values.filter((p) => p !== shown);
  const current = forensicsStore.getState().whatIf;
  if (current?.runId === runId && (running || others.every((p) => current.policies[p]?.status === "done"))) return;
  running?.abort();
  forensicsStore.setState({ whatIf: { runId, policies: {} } });
  if (!final || !ran || s.run.status !== "done") {
    for (const p of others) setOutcome(runId, p, { status: "error", message: "finish a run first" });
    return;
  }
  const ctl = new AbortController();
  running = ctl;
  const before = final.trades;
  void (async () => {
    for (const p of others) setOutcome(runId, p, { status: "running" });
    for (const policy of others) {
      if (ctl.signal.aborted) return;
      try {
        const after = await runWithPolicy(ran, policy, ctl.signal);
        setOutcome(runId, policy, {
          status: "done",
          changes: tradeChanges(before, after.trades, tickOf),
          pnlBefore: totalPnl(before),
          pnlAfter: totalPnl(after.trades),
          trades: after.trades.length,
        });
      } catch (e) {
        if (ctl.signal.aborted) return;
        setOutcome(runId, policy, { status: "error", message: e instanceof Error ? e.message : String(e) });
      }
    }
    if (running === ctl) running = null;
  })();
}

/** Stops a what-if in progress (a new run, the switch turned off). */
export function stopWhatIf(): void {
  running?.abort();
  running = null;
  const w = forensicsStore.getState().whatIf;
  // Outcomes left running are dropped so the next start runs them again.
  if (w && Object.values(w.policies).some((o) => o?.status === "running")) forensicsStore.setState({ whatIf: null });
}
