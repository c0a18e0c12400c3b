// `npm run share -- <strategy.ts> ...`: prints a share link that opens in the page.
import { runShare } from "./run-share";
import { enterUserFolder } from "./user-folder";

enterUserFolder("share");

void runShare(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: Boolean(process.stderr.isTTY),
}).then((code) => {
  process.exitCode = code;
});
