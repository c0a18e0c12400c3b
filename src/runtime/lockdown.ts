/**
 * Hardened JavaScript for the realm that runs user code (the run worker, the CLI's worker
 * thread): `lockdown()` freezes every built-in (Array.prototype, Math, Promise, ...), so a
 * strategy cannot patch what the engine relies on. Import this module FIRST in such an entry,
 * before any engine module, so no code captures an intrinsic before it is frozen.
 * Never import it on the page: React and Monaco are not written for a frozen realm.
 */
import "ses";

/** Lock the realm down once; later calls do nothing. */
export function ensureLockdown(): void {
  if (isLockedDown()) return;
  lockdown({
    // Keep V8's stack strings: they are how a runtime error finds the user's line and column.
    errorTaming: "unsafe",
    // Leave the host's console, locale methods and error reporting as they are: only user
    // code's world is narrowed (it gets its own console, see load-strategy.ts).
    consoleTaming: "unsafe",
    localeTaming: "unsafe",
    errorTrapping: "none",
    unhandledRejectionTrapping: "none",
    reporting: "none",
    // "severe": decimal.js assigns `constructor` on each instance, which a frozen
    // Object.prototype would otherwise refuse (the "override mistake").
    overrideTaming: "severe",
  });
}

export function isLockedDown(): boolean {
  return typeof harden === "function" && Object.isFrozen(Array.prototype);
}

ensureLockdown();
