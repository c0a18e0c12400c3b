import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { bootLibrary } from "./store/library/boot-library";
import { openLibraryDb, type Db } from "./store/library/library-db";
import { persistLibrary } from "./store/library/persist-library";
import { openShareLink } from "./store/open-link";
import { persistStore } from "./store/persistence";
import { initAppStore } from "./store/store";
import { DEFAULT_EXAMPLE } from "./ui/examples/examples";
import { SAMPLE_SYMBOLS } from "./ui/data/sample-data";
import { App } from "./ui/App";
import { prepareNextRun, reportCrashedRun } from "./ui/run/run-controller";
import "./ui/styles/theme-and-toolbar.css";
import "./ui/styles/layout.css";
import "./ui/styles/tables.css";
import "./ui/styles/panels.css";
import "./ui/styles/share-and-library.css";
import "./ui/styles/chart-overlays.css";

async function start(): Promise<void> {
  let db: Db | null = null;
  try {
    db = await openLibraryDb();
  } catch (e) {
    console.warn("IndexedDB is not available; the library lasts until the tab closes", e);
  }
  const store = initAppStore(await bootLibrary(db, localStorage, DEFAULT_EXAMPLE.source, DEFAULT_EXAMPLE.title));
  persistStore(store, localStorage);
  reportCrashedRun();
  prepareNextRun();
  if (db) persistLibrary(store, db, 250, localStorage);
  // A share link opens as a new strategy, not run; the fragment goes so a reload does not add it again.
  // Pasted into the address bar of an open tab, it arrives as a hashchange.
  const openFromHash = () => {
    if (location.hash.length <= 1) return;
    openShareLink(store, location.href, SAMPLE_SYMBOLS);
    history.replaceState(null, "", location.pathname + location.search);
  };
  openFromHash();
  window.addEventListener("hashchange", openFromHash);
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
