import { transform } from "sucrase";
import { UserFacingError } from "./user-error";

/**
 * The one compile path, used by the browser worker and the CLI alike: sucrase strips the
 * types and turns `import ... from "playground"` into a require call. It keeps every
 * statement on its line, so runtime positions map straight back to the user's file.
 * (Type errors come from Monaco's TypeScript worker in the editor, and from
 * src/cli/type-check.ts on the command line.)
 */
export function compileStrategy(source: string, fileName: string): string {
  try {
    return transform(source, {
      transforms: ["typescript", "imports"],
      disableESTransforms: true,
      filePath: fileName,
      production: true,
    }).code;
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const message = err.message.replace(/^Error transforming [^:]*: /, "").replace(/ \(\d+:\d+\)$/, "");
    throw new UserFacingError({
      kind: "compile",
      message: `syntax error: ${message}`,
      file: fileName,
      line: err.loc?.line,
      column: err.loc?.column,
    });
  }
}
