import type { KeyboardEvent } from "react";

/**
 * What a row that does something when clicked also needs for the keyboard: a place in the Tab
 * order, and Enter or Space doing what the click does (as on a button). Without them the
 * blotter's transitions, a fill's forensics, a trade's bar and a log line's bar were out of a
 * keyboard's reach.
 */
export function activateRow(activate: () => void) {
  return {
    tabIndex: 0,
    onClick: activate,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.target !== e.currentTarget || (e.key !== "Enter" && e.key !== " ")) return;
      e.preventDefault();
      activate();
    },
  };
}
