/**
 * The Content-Security-Policy of the playground, written once: vite.config.ts sends it as a
 * header from the dev and preview servers (for the page AND the run worker's script, which a
 * meta tag cannot cover) and writes it into index.html as a meta tag. docs/sandbox.md says what
 * a static host must send.
 *
 * - connect-src 'self': no fetch, XHR, WebSocket, EventSource or beacon leaves the origin
 *   (the Vite dev server's own WebSocket is same-origin).
 * - script-src 'self' 'unsafe-eval': scripts only from the site; eval because the run worker
 *   evaluates the compiled strategy in a SES Compartment, which is built on `Function`.
 * - worker-src 'self' blob:: the run worker and Monaco's workers.
 * - style-src 'unsafe-inline': Monaco and the charts set inline styles.
 * - fonts and images from the site only (data: for Monaco's inline icons); no plugins, frames
 *   or forms.
 */
export function contentSecurityPolicy(opts: { nonce?: string; meta?: boolean } = {}): string {
  const nonce = opts.nonce ? ` 'nonce-${opts.nonce}'` : "";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval'${nonce}`,
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    // Not allowed in a meta tag (browsers ignore it there and warn).
    ...(opts.meta ? [] : ["frame-ancestors 'none'"]),
  ];
  return directives.join("; ");
}
