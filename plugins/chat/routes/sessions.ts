import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Ctx } from '../config.ts';
import type { ChatLimits } from '../limits.ts';
import { pageOrigin, preflight, visitorCors } from '../origins.ts';
import { body, IdParam, json, MessageOut, problems, SessionOut, SessionStart } from '../schemas.ts';
import { insertConversation, listMessages, listSites, type Conversation, type Site } from '../store.ts';
import { newVisitorToken, visitorConversation } from '../tokens.ts';
import { openVisitor, siteForKey } from '../visitor.ts';

const tags = ['Chat: visitors'];

const start = createRoute({
  method: 'post', path: '/sessions', operationId: 'chatStartSession', tags,
  summary: 'Start a conversation for a site key (or resume one with its visitor token)',
  description: 'Called by the <crm-chat> widget from the pages of a registered website; the Origin must be one of its allowed origins.',
  request: body(SessionStart),
  responses: { 200: json(SessionOut, 'The resumed conversation'), 201: json(SessionOut, 'A new conversation'), ...problems(403, 422, 429) },
});
const forOrigin = createRoute({
  method: 'get', path: '/sites/for-origin', operationId: 'chatSiteForOrigin', tags,
  summary: "The site key of the calling page's origin (for a page that doesn't write its key into its HTML)",
  responses: { 200: json(z.object({ site_key: z.string(), business: z.string() }), 'The site key'), ...problems(404, 429) },
});
const history = createRoute({
  method: 'get', path: '/sessions/{id}/messages', operationId: 'chatListMessages', tags, summary: "The conversation's messages, oldest first",
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(MessageOut) }), 'Every message'), ...problems(401, 403, 404, 422, 429) },
});

/**
 * The visitors' side starts here (public: no credentials, a site key and then the visitor's
 * token): CORS for the visitors' paths only, their preflights, starting or resuming a session,
 * and the history. Asking is in ask.ts; lead, handoff and live replies in visitor.ts.
 */
export function sessionRoutes(ctx: Ctx, limits: ChatLimits): void {
  ctx.publicRoutes.use('/sessions/*', visitorCors);
  ctx.publicRoutes.options('/sessions/*', (c) => preflight(c));

  ctx.publicRoutes.openapi(start, async (c) => {
    const input = c.req.valid('json');
    await limits.start(c.var.clientIp);
    const site = await siteForKey(ctx, input.site_key, pageOrigin(c));
    await limits.start(null, site.id);
    const resumed = input.visitor_token ? await resume(ctx, input.visitor_token, site) : undefined;
    if (resumed) return c.json(sessionOut(resumed, input.visitor_token!), 200);

    const visitor = await ctx.companies.createVisitor({ attributes: { site: site.name } });
    const { conversationId, token, secretHash } = newVisitorToken();
    await ctx.kv.set(`conv:${conversationId}`, visitor.id);
    const conversation = await insertConversation(ctx.forCompany(visitor.id), {
      id: conversationId, companyId: visitor.id, siteId: site.id, secretHash, lang: input.lang ?? 'da',
      expiresAt: new Date(Date.now() + ctx.config.sessionDays * 86_400_000),
    });
    return c.json(sessionOut(conversation, token), 201);
  });

  ctx.publicRoutes.use('/sites/for-origin', visitorCors);
  ctx.publicRoutes.openapi(forOrigin, async (c) => {
    await limits.read(c.var.clientIp);
    const origin = pageOrigin(c);
    const self = await ctx.companies.self();
    const site = origin ? (await listSites(ctx.forCompany(self.id))).find((s) => s.allowed_origins.includes(origin)) : undefined;
    if (!site) throw new CrmError('not_found', 'No website of this chat is on this origin');
    return c.json({ site_key: site.site_key, business: self.name }, 200);
  });

  ctx.publicRoutes.openapi(history, async (c) => {
    await limits.read(c.var.clientIp);
    const { conversation, store } = await openVisitor(ctx, c, c.req.valid('param').id);
    return c.json({ items: (await listMessages(store, conversation.id)) as z.infer<typeof MessageOut>[] }, 200);
  });
}

/** The conversation of an earlier token of this browser on this site, or undefined (an expired or foreign token starts a new one). */
async function resume(ctx: Ctx, token: string, site: Site): Promise<Conversation | undefined> {
  try {
    const { conversation } = await visitorConversation(ctx, token, token.split('.')[0] ?? '');
    return conversation.site_id === site.id ? conversation : undefined;
  } catch (error) {
    if (error instanceof CrmError && (error.code === 'unauthorized' || error.code === 'not_found')) return undefined;
    throw error;
  }
}

function sessionOut(conversation: Conversation, token: string): z.infer<typeof SessionOut> {
  return { session_id: conversation.id, visitor_token: token, expires_at: conversation.expires_at, lang: conversation.lang };
}
