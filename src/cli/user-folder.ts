/**
 * `npm run backtest -- s.ts` runs in the package's folder wherever it was typed, and npm passes the
 * folder it was typed in as INIT_CWD: the paths on the command line are the user's, so go back
 * there. Only under the CLI's own npm script (npm_lifecycle_event), so that a tool starting the
 * CLI from another npm script (`npm run bench`) keeps its working folder.
 */
export function enterUserFolder(script: "backtest" | "share"): void {
  const folder = process.env.INIT_CWD;
  if (process.env.npm_lifecycle_event === script && folder && folder !== process.cwd()) process.chdir(folder);
}
