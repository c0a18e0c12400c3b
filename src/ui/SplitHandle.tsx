import { useRef } from "react";

interface Props {
  /** "x" drags left/right (a vertical bar), "y" up/down. */
  axis: "x" | "y";
  /** Called with the pointer's movement since the drag started, in CSS pixels. */
  onDrag(delta: number, start: number): void;
  /** The size when the drag starts, passed back to onDrag. */
  getSize(): number;
  label: string;
  testId?: string;
}

/** A hand-written drag handle between two panes; the parent owns the sizes. */
export function SplitHandle({ axis, onDrag, getSize, label, testId }: Props) {
  const drag = useRef<{ origin: number; size: number } | null>(null);
  return (
    <div
      className={`split-handle split-${axis}`}
      role="separator"
      aria-orientation={axis === "x" ? "vertical" : "horizontal"}
      aria-label={label}
      data-testid={testId}
      tabIndex={0}
      onKeyDown={(e) => {
        // Arrow keys move the divider by 20 px, for people who do not drag.
        const step = { ArrowLeft: -20, ArrowUp: -20, ArrowRight: 20, ArrowDown: 20 }[e.key];
        if (step === undefined) return;
        e.preventDefault();
        onDrag(step, getSize());
      }}
      onPointerDown={(e) => {
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
        drag.current = { origin: axis === "x" ? e.clientX : e.clientY, size: getSize() };
        document.body.classList.add(axis === "x" ? "dragging-x" : "dragging-y");
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        onDrag((axis === "x" ? e.clientX : e.clientY) - d.origin, d.size);
      }}
      onPointerUp={(e) => {
        drag.current = null;
        (e.target as HTMLElement).releasePointerCapture(e.pointerId);
        document.body.classList.remove("dragging-x", "dragging-y");
      }}
    />
  );
}
