import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { CrmError } from '../../plugin-api.js';
import type { Ctx } from './config.ts';

export interface Site {
  id: string;
  name: string;
  site_key: string;
  allowed_origins: string[];
  created_at: string;
}

const Origin = z.string().transform((value, issue) => {
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && value.replace(/\/$/, '') === url.origin) return url.origin;
  } catch {
    // reported below
  }
  issue.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://www.example.dk` });
  return z.NEVER;
});
const NewSite = z.strictObject({ name: z.string().trim().min(1).max(200), allowed_origins: z.array(Origin).min(1).max(20) });

/** `POST /api/chat/sites` and `GET /api/chat/sites` (admin): the websites that may embed the chat. */
export function siteRoutes(ctx: Ctx): void {
  ctx.routes.post('/sites', async (c) => {
    if (!c.var.caller.may('admin')) throw new CrmError('forbidden', 'Adding a website to the chat needs the admin scope');
    const input = parse(NewSite, await c.req.json().catch(() => null));
    const self = await ctx.companies.self();
    const siteKey = `site_${randomBytes(18).toString('base64url')}`;
    const [site] = await c.var.forCompany(self.id).sql<Site>`
      insert into chat_sites (company_id, name, site_key, allowed_origins)
      values (${self.id}, ${input.name}, ${siteKey}, ${`{${input.allowed_origins.map((o) => `"${o}"`).join(',')}}`}::text[])
      returning id, name, site_key, allowed_origins, created_at`;
    return c.json(site, 201);
  });
  ctx.routes.get('/sites', async (c) => {
    const self = await ctx.companies.self();
    const items = await c.var.forCompany(self.id).sql<Site>`select id, name, site_key, allowed_origins, created_at from chat_sites order by created_at desc`;
    return c.json({ items });
  });
}

/** The site of a key, or 403: a wrong key and a key from an unlisted origin look the same. */
export async function siteFor(ctx: Ctx, siteKey: unknown, origin: string | undefined): Promise<Site> {
  const self = await ctx.companies.self();
  const [site] = typeof siteKey === 'string' ? await ctx.forCompany(self.id).sql<Site>`select * from chat_sites where site_key = ${siteKey}` : [];
  if (!site) throw new CrmError('forbidden', 'Unknown site key');
  requireOrigin(site, origin);
  return site;
}

/** Refuses a request whose Origin is not one of the site's (browsers always send it on these requests). */
export function requireOrigin(site: Pick<Site, 'allowed_origins'>, origin: string | undefined): void {
  if (!origin || !site.allowed_origins.includes(origin)) throw new CrmError('forbidden', `The origin ${origin ?? '(none)'} may not use this chat`);
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

/** Lets the page's origin read the answer (CORS), for the sites' origins only. */
export function allowOrigin(c: Context, origin: string | undefined): void {
  if (!origin) return;
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', 'Retry-After');
  c.header('Vary', 'Origin');
}

export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new CrmError('validation_failed', `${issue.path.join('.') || 'body'} ${issue.message}`, {
    issues: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
  });
}
