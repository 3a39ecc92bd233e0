import type { Context, MiddlewareHandler } from 'hono';
import { CrmError, z } from '../../plugin-api.js';
import type { Site } from './store.ts';

/** An origin like `https://www.example.dk` (scheme, host and port; nothing else). */
export const Origin = z.string().transform((value, issue) => {
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && value.replace(/\/$/, '') === url.origin) return url.origin;
  } catch {
    // reported below
  }
  issue.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://www.example.dk` });
  return z.NEVER;
});

/**
 * Refuses a request whose page is not on one of the site's origins (browsers always send Origin
 * on these requests). The problem says why (`reason`), so the widget can tell the site's owner
 * instead of blaming the visitor's connection.
 */
export function requireOrigin(site: Pick<Site, 'allowed_origins'> | undefined, origin: string | undefined): void {
  if (!site) throw new CrmError('forbidden', 'This chat is no longer enabled for this website', { extra: { reason: 'site_removed' } });
  if (!origin || !site.allowed_origins.includes(origin)) {
    throw new CrmError('forbidden', `The origin ${origin ?? '(none)'} may not use this chat`, { extra: { reason: 'origin_not_allowed' } });
  }
}

/**
 * The origin of the page making a request: its Origin header, or, for a same-origin GET (which
 * browsers send without one), the CRM's own origin, as the browser vouches with Sec-Fetch-Site.
 */
export function pageOrigin(c: Context): string | undefined {
  const origin = c.req.header('origin');
  if (origin) return origin;
  return c.req.header('sec-fetch-site') === 'same-origin' ? new URL(c.req.url).origin : undefined;
}

/**
 * CORS for the visitors' routes only (never the staff's under /api/chat): the calling page may
 * read every answer, errors included, so the widget can show why it was refused, and read
 * Retry-After. Reading needs no trust: each request is checked against its site's origins and
 * the visitor's token, and an error says nothing a stranger may not know.
 */
export const visitorCors: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After');
  }
  c.header('Vary', 'Origin');
  await next();
};

/** The answer to a CORS preflight of a visitors' route; the real request is checked against its site. */
export function preflight(c: Context): Response {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') c.header('Access-Control-Allow-Origin', origin);
  c.header('Vary', 'Origin');
  c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, Last-Event-ID');
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
}
