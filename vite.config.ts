import { randomBytes } from "node:crypto";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { contentSecurityPolicy } from "./content-security-policy.ts";

/** Writes the Content-Security-Policy into index.html as a meta tag (the servers also send it as a header). */
function cspMeta(nonce: string | undefined): Plugin {
  return {
    name: "csp-meta",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy({ nonce, meta: true }) },
        injectTo: "head-prepend",
      },
    ],
  };
}

/**
 * Cross-origin isolation (COOP + COEP): it gives the page SharedArrayBuffer, through which the run
 * worker says where it is (hook, bar, line) so that Stop and the time limit can name it after
 * the worker is terminated. Everything the page loads is its own, so require-corp costs nothing.
 */
const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

// The repo root is the Vite root: index.html and sample-data/ live there.
export default defineConfig(({ command }) => {
  // The dev server injects inline scripts (React Refresh's preamble): a nonce per start lets
  // exactly those run. The built page has no inline script at all.
  const nonce = command === "serve" ? randomBytes(16).toString("base64") : undefined;
  return {
    plugins: [react(), cspMeta(nonce)],
    html: nonce ? { cspNonce: nonce } : {},
    // Module workers (the run worker and Monaco's) may import code-split chunks.
    worker: { format: "es" },
    build: {
      target: "es2022",
      // Monaco's lazy chunk is big by nature; it never blocks the first paint.
      chunkSizeWarningLimit: 4000,
    },
    server: {
      port: 5173,
      strictPort: true,
      headers: { "Content-Security-Policy": contentSecurityPolicy({ nonce }), ...ISOLATION_HEADERS },
    },
    preview: {
      port: 4173,
      strictPort: true,
      headers: { "Content-Security-Policy": contentSecurityPolicy(), ...ISOLATION_HEADERS },
    },
  };
});
