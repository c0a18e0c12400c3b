/** Anything with zustand's `subscribe(listener(state, previous))`. */
export interface Subscribable<S> {
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/**
 * Calls `save` at most `delayMs` after a change that `changed` cares about, and at once when
 * the tab is hidden or closed (so a crash loses at most `delayMs` of typing). `saveFirst`
 * also saves once right away. `stop` unsubscribes and saves what is pending.
 */
export function debouncedSave<S>(
  store: Subscribable<S>,
  changed: (state: S, previous: S) => boolean,
  save: () => void,
  delayMs: number,
  { saveFirst = false } = {},
): { stop: () => void } {
  const run = () => {
    timer = null;
    save();
  };
  let timer: ReturnType<typeof setTimeout> | null = saveFirst ? setTimeout(run, 0) : null;
  const unsubscribe = store.subscribe((s, prev) => {
    if (changed(s, prev) && timer === null) timer = setTimeout(run, delayMs);
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      run();
    }
  };
  const inBrowser = typeof window !== "undefined";
  if (inBrowser) {
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
  }
  return {
    stop: () => {
      unsubscribe();
      flush();
      if (inBrowser) {
        window.removeEventListener("pagehide", flush);
        document.removeEventListener("visibilitychange", flush);
      }
    },
  };
}
