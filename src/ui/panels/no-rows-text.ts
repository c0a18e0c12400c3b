import type { RunStatus } from "../../store/run-results";

/**
 * What an empty Orders or Fills table says. After a run it says the run made none: "Press Run"
 * under a run that just ended read as if the run had not happened.
 */
export function noRowsText(status: RunStatus, rows: "orders" | "fills"): string {
  if (status === "idle") return `No ${rows} yet. Press Run.`;
  if (status === "running") return `No ${rows} yet.`;
  return rows === "orders" ? "This run placed no orders." : "This run filled no orders.";
}
