/** How long a run may take, in seconds: the page's time limit setting and the CLI's --timeout default. */
export const DEFAULT_TIME_LIMIT_SEC = 60;

/** The heap of the CLI's strategy thread, MB (--max-memory's default). */
export const DEFAULT_MAX_MEMORY_MB = 2048;
