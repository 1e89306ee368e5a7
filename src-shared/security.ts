/**
 * The renderer's Content-Security-Policy, shared by the Electron shell and the browser host.
 * Element Plus positions popups with inline styles, so styles allow 'unsafe-inline'; scripts
 * never do. Images allow data: for the shop logo.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
