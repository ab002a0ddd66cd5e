/**
 * The renderer's Content-Security-Policy, one definition for the Electron `app://` protocol
 * and for the server of the browser build. No inline or eval'd script, no frames, and
 * network access only to the configured central system.
 */
export function contentSecurityPolicy(centralOrigin: string): string {
  // shared/ has no URL global (no DOM, no Node): take scheme://host[:port] by hand.
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(centralOrigin)?.[0];
  if (!origin) throw new Error(`Central system URL must be absolute, like http://host:port (got "${centralOrigin}")`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${origin}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
