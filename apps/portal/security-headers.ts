/**
 * The portal's response headers, the same wherever it is served: `vite preview` (npm start and the
 * browser tests, vite.config.ts) and nginx in the container (docker/nginx.conf, checked against this
 * file by deploy/manifests.spec.ts).
 *
 * Scripts come only from the portal's own origin: the build has no inline script and nothing calls
 * eval. Ant Design writes its CSS-in-JS as <style> elements and components set style attributes, so
 * styles may be inline (a nonce would need a server that rewrites every page). The API is the same
 * origin (/api is proxied); downloads are blob: URLs; the web app manifest is the portal's own; nobody may frame the portal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PORTAL_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};
