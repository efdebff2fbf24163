/**
 * The Content-Security-Policy for the renderer, sent by the Electron protocol handler and by the
 * loopback bridge alike: scripts and styles only from the app itself, no inline script, no eval,
 * no plugins, no framing, no foreign connections.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
