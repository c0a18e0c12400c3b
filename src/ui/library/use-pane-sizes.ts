import { useEffect, useState } from "react";

const KEY = "sp.panes.v1";

function saved(): { editorWidth: number; bottomHeight: number } {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? "null") as Record<string, unknown> | null;
    const w = typeof v?.editorWidth === "number" && v.editorWidth >= 0.2 && v.editorWidth <= 0.8 ? v.editorWidth : 0.42;
    const h =
      typeof v?.bottomHeight === "number" && v.bottomHeight >= 90 && v.bottomHeight <= 4000 ? v.bottomHeight : 250;
    return { editorWidth: w, bottomHeight: h };
  } catch {
    return { editorWidth: 0.42, bottomHeight: 250 };
  }
}

/** The editor's width (a fraction) and the results panel's height (px), kept across reloads. */
export function usePaneSizes(): [number, (w: number) => void, number, (h: number) => void] {
  const [sizes] = useState(saved);
  const [editorWidth, setEditorWidth] = useState(sizes.editorWidth);
  const [bottomHeight, setBottomHeight] = useState(sizes.bottomHeight);
  useEffect(() => {
    const id = setTimeout(() => {
      try {
        localStorage.setItem(KEY, JSON.stringify({ editorWidth, bottomHeight }));
      } catch {
        // Storage refused: sizes are a convenience.
      }
    }, 200);
    return () => clearTimeout(id);
  }, [editorWidth, bottomHeight]);
  return [editorWidth, setEditorWidth, bottomHeight, setBottomHeight];
}
