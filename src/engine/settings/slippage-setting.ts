import { type ModelSpec, modelSetting } from "./setting-kinds";

const volumeLimit = (dflt: number) =>
  ({
    label: "Volume limit (share of bar volume)",
    default: dflt,
    min: 0,
    minExclusive: true,
    max: 1,
    step: 0.005,
  }) as const;

/**
 * The slippage models a run can name, with their parameters' defaults (zipline's) and
 * ranges. The model classes in matching/slippage.ts take their defaults from here.
 */
export const SLIPPAGE = modelSetting({
  label: "Slippage",
  models: {
    FixedBasisPointsSlippage: {
      label: "fixed basis points",
      params: { basisPoints: { label: "Basis points", default: 5, min: 0, step: 1 }, volumeLimit: volumeLimit(0.1) },
    },
    VolumeShareSlippage: {
      label: "volume share",
      params: {
        volumeLimit: volumeLimit(0.025),
        priceImpact: { label: "Price impact", default: 0.1, min: 0, step: 0.01 },
      },
    },
    FixedSlippage: {
      label: "fixed spread",
      params: { spread: { label: "Spread ($)", default: 0, min: 0, step: 0.01 } },
    },
    NoSlippage: { label: "none", params: {} },
  },
  default: "FixedBasisPointsSlippage",
});

/** Slippage as plain data (run settings, share links, the CLI); missing parameters take their defaults. */
export type SlippageSpec = ModelSpec<typeof SLIPPAGE.models>;
