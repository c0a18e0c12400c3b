/** How long a run may take, in seconds: the page's time limit setting and the CLI's --timeout default. */
export const DEFAULT_TIME_LIMIT_SEC = 60;
/**
 * The longest time limit, in seconds (about 24.8 days): the most a timer can wait, 2^31 − 1 ms.
 * Browsers and Node fire a longer timer at once, which stopped every run the moment it started.
 */
export const MAX_TIME_LIMIT_SEC = 2_147_483;

/** The heap of the CLI's strategy thread, MB (--max-memory's default). */
export const DEFAULT_MAX_MEMORY_MB = 2048;
