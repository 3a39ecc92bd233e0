import type { MiddlewareHandler } from 'hono';

/** No browser feature is used by an API answer. */
const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';
/** An API answer is data, never a document: nothing in it may load or run, nor be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Headers every answer gets, on top of Hono's secureHeaders: `Permissions-Policy`; for API
 * answers a restrictive CSP (unless the route set its own, like a demo page) and `Cache-Control:
 * no-store` (an answer to a credential must not be kept by a shared cache or the browser) unless
 * the route chose its caching; and HSTS when the CRM's public URL is https (the TLS terminator in
 * front of us is then ours to describe).
 *
 * @example
 * app.use(securityHeaders({ publicUrl: 'https://crm.example.dk' }));
 */
export function securityHeaders(options: { publicUrl?: string | undefined }): MiddlewareHandler {
  const hsts = options.publicUrl?.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : undefined;
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Permissions-Policy', PERMISSIONS_POLICY);
    if (hsts) headers.set('Strict-Transport-Security', hsts);
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/openapi.json' || path === '/healthz') {
      if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', API_CSP);
      if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    }
  };
}
