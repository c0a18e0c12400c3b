import { memo, useCallback, useEffect, useRef } from "react";
import { usePlayground } from "../store/store";
import { ChartsPanel } from "./charts/ChartsPanel";
import { EditorPane } from "./editor/EditorPane";
import { ErrorBanner } from "./ErrorBanner";
import { ExamplesGallery } from "./examples/ExamplesGallery";
import { BottomPanel } from "./panels/BottomPanel";
import { SettingsPanel } from "./panels/SettingsPanel";
import { PanelBoundary } from "./PanelBoundary";
import { isRunning, startRun, stopRun } from "./run/run-controller";
import { SplitHandle } from "./SplitHandle";
import { Toolbar } from "./Toolbar";
import { LibraryPanel } from "./library/LibraryPanel";
import { LinkNotice } from "./share/LinkNotice";
import { ShareDialog } from "./share/ShareDialog";
import { DataPanel } from "./data/DataPanel";
import { ImportConfirm } from "./data/ImportConfirm";
import { usePaneSizes } from "./library/use-pane-sizes";

/** Ctrl/Cmd+Enter runs and Esc stops, wherever the focus is (Monaco included). */
function useRunShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        e.stopPropagation();
        startRun();
      } else if (e.key === "Escape" && isRunning()) {
        e.preventDefault();
        e.stopPropagation();
        stopRun();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** The theme on the document; a component of its own, so a theme switch re-renders only it (and what reads the theme). */
function DocumentTheme(): null {
  const theme = usePlayground((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return null;
}

/**
 * Esc closes the side panel, as it closes the Share dialog and the Export menu. Not from a
 * field or the editor, where Esc already means something (cancel a rename, close a suggestion);
 * during a run the run shortcuts take Esc first, to stop it.
 */
function useEscClosesPanel(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (e.key !== "Escape" || e.defaultPrevented || target?.closest("input, textarea, select, .monaco-editor"))
        return;
      close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, close]);
}

/** The panel open beside the charts (settings, examples, library, data), if any. */
function SidePanel() {
  const panel = usePlayground((s) => s.panel);
  const setPanel = usePlayground((s) => s.setPanel);
  useEscClosesPanel(
    panel !== "none",
    useCallback(() => setPanel("none"), [setPanel]),
  );
  switch (panel) {
    case "settings":
      return (
        <PanelBoundary name="Settings">
          <SettingsPanel />
        </PanelBoundary>
      );
    case "examples":
      return (
        <PanelBoundary name="The examples">
          <ExamplesGallery />
        </PanelBoundary>
      );
    case "library":
      return (
        <PanelBoundary name="The library">
          <LibraryPanel />
        </PanelBoundary>
      );
    case "data":
      return (
        <PanelBoundary name="Data">
          <DataPanel />
        </PanelBoundary>
      );
    default:
      return null;
  }
}

// The panels take no props: memoised, a change of the App's own state (the pane sizes while a
// split is dragged) re-renders none of them; each re-renders on the store slices it reads.
const ToolbarPanel = memo(Toolbar);
const EditorPanel = memo(EditorPane);
const Charts = memo(ChartsPanel);
const Results = memo(BottomPanel);

export function App() {
  const [editorWidth, setEditorWidth, bottomHeight, setBottomHeight] = usePaneSizes();
  const main = useRef<HTMLDivElement>(null);
  useRunShortcuts();
  return (
    <div className="app" data-testid="app">
      <DocumentTheme />
      <PanelBoundary name="The toolbar">
        <ToolbarPanel />
      </PanelBoundary>
      <PanelBoundary name="The error banner">
        <ErrorBanner />
      </PanelBoundary>
      <LinkNotice />
      <div className="workspace">
        <div className="main-row" ref={main}>
          <div className="left" style={{ width: `${editorWidth * 100}%` }}>
            <PanelBoundary name="The editor">
              <EditorPanel />
            </PanelBoundary>
          </div>
          <SplitHandle
            axis="x"
            label="Resize editor and charts"
            testId="split-editor"
            getSize={() => editorWidth}
            onDrag={(d, start) => setEditorWidth(clamp(start + d / (main.current?.clientWidth ?? 1280), 0.2, 0.8))}
          />
          <div className="right">
            <PanelBoundary name="The charts">
              <Charts />
            </PanelBoundary>
          </div>
          <SidePanel />
        </div>
        <SplitHandle
          axis="y"
          label="Resize results panel"
          testId="split-bottom"
          getSize={() => bottomHeight}
          onDrag={(d, start) => setBottomHeight(clamp(start - d, 90, window.innerHeight - 200))}
        />
        <div className="bottom" style={{ height: bottomHeight }}>
          <PanelBoundary name="The results panel">
            <Results />
          </PanelBoundary>
        </div>
      </div>
      <ShareDialog />
      <ImportConfirm />
    </div>
  );
}
