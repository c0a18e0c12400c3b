/** The class name of `export default class Name`, or null when the code has none. */
export function strategyClassName(code: string): string | null {
  const m = /export\s+default\s+class\s+([A-Za-z_$][\w$]*)/.exec(code);
  return m ? m[1] : null;
}

/** "MeanReversion" -> "Mean Reversion", for a library entry's default name. */
export function humanName(className: string): string {
  return className.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ");
}
