/* global localStorage, document */
// Set the saved theme before the first paint, so a light-theme user sees no dark flash.
// A file rather than an inline script: the Content-Security-Policy allows scripts from the site only.
try {
  var t = localStorage.getItem("sp.theme.v1");
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
} catch {
  // Storage blocked (private mode, a sandboxed frame): keep the default theme.
}
