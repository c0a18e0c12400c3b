import { useEffect, useRef } from "react";
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

export function App() {
  const theme = usePlayground((s) => s.theme);
  const panel = usePlayground((s) => s.panel);
  const [editorWidth, setEditorWidth, bottomHeight, setBottomHeight] = usePaneSizes();
  const main = useRef<HTMLDivElement>(null);
  useRunShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app" data-testid="app">
      <PanelBoundary name="The toolbar">
        <Toolbar />
      </PanelBoundary>
      <PanelBoundary name="The error banner">
        <ErrorBanner />
      </PanelBoundary>
      <LinkNotice />
      <div className="workspace">
        <div className="main-row" ref={main}>
          <div className="left" style={{ width: `${editorWidth * 100}%` }}>
            <PanelBoundary name="The editor">
              <EditorPane />
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
              <ChartsPanel />
            </PanelBoundary>
          </div>
          {panel === "settings" && (
            <PanelBoundary name="Settings">
              <SettingsPanel />
            </PanelBoundary>
          )}
          {panel === "examples" && (
            <PanelBoundary name="The examples">
              <ExamplesGallery />
            </PanelBoundary>
          )}
          {panel === "library" && (
            <PanelBoundary name="The library">
              <LibraryPanel />
            </PanelBoundary>
          )}
          {panel === "data" && (
            <PanelBoundary name="Data">
              <DataPanel />
            </PanelBoundary>
          )}
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
            <BottomPanel />
          </PanelBoundary>
        </div>
      </div>
      <ShareDialog />
      <ImportConfirm />
    </div>
  );
}
