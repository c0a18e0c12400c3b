import { type ModelSpec, modelSetting } from "./setting-kinds";

/**
 * The commission models a run can name, with their parameters' defaults (zipline's) and
 * ranges. The model classes in matching/commission.ts take their defaults from here.
 */
export const COMMISSION = modelSetting({
  label: "Commission",
  models: {
    PerShare: {
      label: "per share",
      params: {
        cost: { label: "Cost per share ($)", default: 0.001, min: 0, step: 0.0005 },
        minTradeCost: { label: "Minimum per order ($)", default: 0, min: 0, step: 0.5 },
      },
    },
    PerTrade: { label: "per trade", params: { cost: { label: "Cost per order ($)", default: 0, min: 0, step: 0.5 } } },
    PerDollar: {
      label: "per dollar",
      params: { cost: { label: "Share of the notional (0.0015 = 15 bp)", default: 0.0015, min: 0, step: 0.0005 } },
    },
    NoCommission: { label: "none", params: {} },
  },
  default: "PerShare",
});

/** Commission as plain data (run settings, share links, the CLI); missing parameters take their defaults. */
export type CommissionSpec = ModelSpec<typeof COMMISSION.models>;
