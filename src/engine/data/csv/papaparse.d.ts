// Typings for the one Papa Parse call the engine makes. The engine imports the package's
// browser build directly because @types/papaparse pulls in all of @types/node, which would let
// Node globals (process, Buffer) compile inside the engine, whose tsconfig forbids them; and
// the browser build, unlike papaparse.js, has no require("stream") for bundlers to trip on.
declare module "papaparse/papaparse.min.js" {
  export interface ParseError {
    readonly type: string;
    readonly code: string;
    readonly message: string;
    /** Index of the row in `data` where the error was found. */
    readonly row?: number;
  }
  export interface ParseConfig {
    readonly delimiter?: string;
    readonly header?: false;
    readonly skipEmptyLines?: boolean;
  }
  export interface ParseResult<T> {
    readonly data: T[];
    readonly errors: ParseError[];
  }
  const Papa: {
    parse<T>(text: string, config: ParseConfig): ParseResult<T>;
  };
  export default Papa;
}
