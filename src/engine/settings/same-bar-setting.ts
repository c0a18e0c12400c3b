import { choiceSetting } from "./setting-kinds";

/** Which leg of a bracket or OCO fills when one bar reaches both (docs/fill-rules.md). */
export const SAME_BAR_POLICY = choiceSetting({
  label: "Same-bar policy",
  labels: {
    path: "path: the price path decides",
    stopFirst: "stopFirst: assume the stop hit first",
    targetFirst: "targetFirst: assume the target hit first",
  },
  default: "path",
});

export type SameBarPolicy = (typeof SAME_BAR_POLICY.values)[number];
