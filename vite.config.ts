import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The repo root is the Vite root: index.html and sample-data/ live there.
export default defineConfig({
  plugins: [react()],
  // Module workers (the run worker and Monaco's) may import code-split chunks.
  worker: { format: "es" },
  build: {
    target: "es2022",
    // Monaco's lazy chunk is big by nature; it never blocks the first paint.
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
