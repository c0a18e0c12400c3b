import { entryName } from "../../store/library/library-entry";
import type { PlaygroundState } from "../../store/store";

/** The open strategy's own name: see entryName. */
export function openStrategyName(s: PlaygroundState): string {
  const e = s.library.find((x) => x.id === s.openId);
  if (!e) return s.templateTitle;
  return entryName(e, s.code);
}
