import type { Context } from 'hono';
import { CrmError } from '../../plugin-api.js';
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { Ctx } from './config.ts';
import { pageOrigin, requireOrigin } from './origins.ts';
import { siteById, siteByKey, type Conversation, type Site } from './store.ts';
import { bearerOf, visitorConversation } from './tokens.ts';

/** The site of a key, or 403: a wrong key and a key from an unlisted origin are both refused. */
export async function siteForKey(ctx: Ctx, siteKey: string, origin: string | undefined): Promise<Site> {
  const self = await ctx.companies.self();
  const site = await siteByKey(ctx.forCompany(self.id), siteKey);
  if (!site) throw new CrmError('forbidden', 'Unknown site key', { extra: { reason: 'unknown_site_key' } });
  requireOrigin(site, origin);
  return site;
}

/**
 * What every visitor route after the session's start checks: the visitor's token opens this
 * conversation (401/404), and the calling page is on one of its website's origins (403).
 *
 * @example
 * const { conversation, store } = await openVisitor(ctx, c, c.req.valid('param').id);
 */
export async function openVisitor(ctx: Ctx, c: Context, sessionId: string, queryToken?: string): Promise<{ conversation: Conversation; store: CompanyStore; site: Site }> {
  const { conversation, store } = await visitorConversation(ctx, bearerOf(c.req.header('authorization'), queryToken), sessionId);
  const self = await ctx.companies.self();
  const site = conversation.site_id ? await siteById(ctx.forCompany(self.id), conversation.site_id) : undefined;
  requireOrigin(site, pageOrigin(c));
  return { conversation, store, site: site! };
}
