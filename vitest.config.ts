import { defineConfig } from "vitest/config";
// CI is a busy 2-core machine: the property and fuzz tests (hundreds of random runs each) take
// seconds there, so every test gets 30 s instead of vitest's 5 s before it counts as hung.
export default defineConfig({
  test: { include: ["tests/**/*.test.ts"], exclude: ["tests/e2e/**"], testTimeout: 30_000 },
});
