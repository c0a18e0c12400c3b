import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadInitialState, persistStore } from "./store/persistence";
import { initAppStore } from "./store/store";
import { DEFAULT_EXAMPLE } from "./ui/examples/examples";
import { App } from "./ui/App";
import { reportCrashedRun } from "./ui/run/run-controller";
import "./ui/styles/theme-and-toolbar.css";
import "./ui/styles/layout.css";
import "./ui/styles/tables.css";
import "./ui/styles/panels.css";
import "./ui/styles/chart-overlays.css";

const store = initAppStore(loadInitialState(localStorage, DEFAULT_EXAMPLE.source, DEFAULT_EXAMPLE.title));
persistStore(store, localStorage);
reportCrashedRun();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
