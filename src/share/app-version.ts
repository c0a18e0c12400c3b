/**
 * The playground's version (package.json's, which a test keeps equal). A share link carries
 * it so a receiver whose result differs can be told the sender ran another version.
 */
export const APP_VERSION = "0.1.0";
