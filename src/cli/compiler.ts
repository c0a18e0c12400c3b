// The strategy compiler as a bundle of its own (dist-cli/cli/compiler.cjs), which the CLI's
// strategy thread loads only when a strategy has not been compiled before (cached-compile.ts).
export { compileStrategy } from "../runtime/compile-strategy";
export { addLineProbes } from "../runtime/line-probes";
export { UserFacingError } from "../runtime/user-error";
