import { z } from 'zod';
import type { createLimits } from './limits.ts';
import type { Ctx } from './config.ts';
import { allowOrigin, pageOrigin, parse, requireOrigin, siteFor, type Site } from './sites.ts';
import { type Lang, TEXTS } from './texts.ts';
import { type Conversation, newVisitorToken, visitorConversation } from './visitors.ts';

const Start = z.strictObject({
  site_key: z.string().min(1).max(100),
  visitor_token: z.string().max(200).optional(),
  lang: z.enum(['da', 'en']).optional(),
});

type Limits = ReturnType<typeof createLimits>;

export interface Message {
  id: string;
  role: 'visitor' | 'bot' | 'staff';
  text: string;
  citations: unknown[];
  created_at: string;
}

/**
 * The visitor side, public (no credentials): start or resume a session with a site key, and
 * read its messages (asking is in messages.ts).
 */
export function sessionRoutes(ctx: Ctx, limits: Limits): void {
  // Browsers call these from the sites' pages: every answer, errors included, may be read by
  // the calling page (the requests themselves are checked against the site's origins and
  // the visitor's token), and the widget may read Retry-After.
  ctx.publicRoutes.use('*', async (c, next) => {
    allowOrigin(c, c.req.header('origin'));
    await next();
  });
  // CORS preflight: the real request is checked against its site's origins.
  ctx.publicRoutes.options('/sessions/*', (c) => preflight(c));
  ctx.publicRoutes.options('/sessions', (c) => preflight(c));

  ctx.publicRoutes.post('/sessions', async (c) => {
    const origin = pageOrigin(c);
    limits.take('ip', c.var.clientIp);
    const input = parse(Start, await c.req.json().catch(() => null));
    const site = await siteFor(ctx, input.site_key, origin);
    limits.take('site', site.id);
    allowOrigin(c, origin);
    const resumed = input.visitor_token ? await resume(ctx, input.visitor_token, site) : undefined;
    if (resumed) return c.json(sessionOut(resumed, input.visitor_token!), 200);

    const lang: Lang = input.lang ?? 'da';
    const visitor = await ctx.companies.createVisitor({ attributes: { site: site.name } });
    const { conversationId, token, secretHash } = newVisitorToken();
    const expires = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
    await ctx.kv.set(`conv:${conversationId}`, visitor.id);
    const [conversation] = await ctx.forCompany(visitor.id).sql<Conversation>`
      insert into chat_conversations (id, company_id, site_id, secret_hash, lang, expires_at)
      values (${conversationId}, ${visitor.id}, ${site.id}, ${secretHash}, ${lang}, ${expires.toISOString()}) returning *`;
    return c.json(sessionOut(conversation!, token), 201);
  });

  ctx.publicRoutes.get('/sessions/:id/messages', async (c) => {
    const { conversation, store } = await visitorConversation(ctx, c.req.header('authorization'), c.req.param('id'));
    await checkSiteOrigin(ctx, conversation, pageOrigin(c));
    allowOrigin(c, c.req.header('origin'));
    const items = await store.sql<Message>`
      select id, role, text, citations, created_at from chat_messages where conversation_id = ${conversation.id} order by created_at, id`;
    return c.json({ items });
  });
}

async function resume(ctx: Ctx, token: string, site: Site): Promise<Conversation | undefined> {
  const conversationId = token.split('.')[0] ?? '';
  try {
    const { conversation } = await visitorConversation(ctx, `Bearer ${token}`, conversationId);
    return conversation.site_id === site.id ? conversation : undefined;
  } catch {
    return undefined; // an expired or foreign token starts a new conversation
  }
}

export async function checkSiteOrigin(ctx: Ctx, conversation: Conversation, origin: string | undefined): Promise<void> {
  const self = await ctx.companies.self();
  const [site] = await ctx.forCompany(self.id).sql<Site>`select * from chat_sites where id = ${conversation.site_id}`;
  requireOrigin(site ?? { allowed_origins: [] }, origin);
}

function sessionOut(conversation: Conversation, token: string) {
  return { session_id: conversation.id, visitor_token: token, expires_at: new Date(conversation.expires_at).toISOString(), greeting: TEXTS[conversation.lang].greeting };
}

function preflight(c: import('hono').Context) {
  const origin = c.req.header('origin');
  if (origin) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
  }
  c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
}

