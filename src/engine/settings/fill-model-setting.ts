import { choiceSetting } from "./setting-kinds";

/** How each bar's price path is modelled (docs/fill-rules.md). */
export const FILL_MODEL = choiceSetting({
  label: "Fill model",
  labels: {
    ohlc: "ohlc: walk each bar's open → high/low → close",
    close: "close: fill at the close (zipline)",
  },
  default: "ohlc",
});

export type FillModelName = (typeof FILL_MODEL.values)[number];
