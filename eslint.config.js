import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "dist-cli/", "node_modules/", "test-results/", "playwright-report/", "sample-data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["scripts/**/*.mjs"], languageOptions: { globals: globals.node } },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine stays pure: no UI, no worker, no DOM (style rule 1 and 2).
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "zustand", "monaco-editor", "lightweight-charts", "@monaco-editor/*"],
              message: "the engine is pure TypeScript",
            },
            {
              group: ["**/runtime/**", "**/worker/**", "**/store/**", "**/ui/**", "**/cli/**", "**/share/**"],
              message: "dependencies point one way: engine -> runtime -> store -> ui",
            },
          ],
        },
      ],
    },
  },
  {
    // Code a strategy runs every bar: a global \`NaN\` in a branch that has not run yet makes V8
    // box every number the function returns (docs/architecture.md, "The bar loop and V8").
    files: ["src/engine/data/series.ts", "src/engine/data/bar-data.ts", "src/engine/data/market-data.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "NaN", message: "write Number.NaN: a bare NaN no run has reached yet makes V8 box the results" },
      ],
    },
  },
  {
    // The share-link codec serves page and CLI alike: pure, over the engine only.
    files: ["src/share/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "react-dom",
                "zustand",
                "monaco-editor",
                "lightweight-charts",
                "@monaco-editor/*",
                "node:*",
              ],
              message: "the share codec is pure TypeScript for page and CLI",
            },
            {
              group: ["**/runtime/**", "**/store/**", "**/ui/**", "**/cli/**", "**/worker/**"],
              message: "dependencies point one way: engine -> share -> store/cli",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/runtime/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/store/**", "**/ui/**", "**/cli/**", "**/worker/**"], message: "dependencies point one way" },
          ],
        },
      ],
    },
  },
  {
    // User code is compiled and loaded only inside the worker (style rule 4); store and ui never import upward.
    files: ["src/store/**/*.ts", "src/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/runtime/load-strategy*", "**/runtime/compile-strategy*"],
              message: "user code runs only in the worker",
            },
            { group: ["**/cli/**", "**/worker/**"], message: "dependencies point one way" },
          ],
        },
      ],
    },
  },
  {
    files: ["src/store/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/runtime/load-strategy*", "**/runtime/compile-strategy*"],
              message: "user code runs only in the worker",
            },
            { group: ["**/ui/**", "**/cli/**", "**/worker/**"], message: "dependencies point one way: store -> ui" },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use(...)`, which is not a React hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["examples/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
