import { definePlugin } from '../../plugin-api.js';
import { CAPABILITIES, Config } from './config.ts';
import { demoRoute } from './demo.ts';
import { leadRoutes } from './leads.ts';
import { indexTranscript, messageRoutes } from './messages.ts';
import { conversationCompany } from './visitors.ts';
import { createLimits } from './limits.ts';
import { selfCompany } from './self.ts';
import { handoffRoutes } from './staff.ts';
import { sessionRoutes } from './sessions.ts';
import { siteRoutes } from './sites.ts';

/**
 * The website chatbot: site keys with their allowed origins, visitor sessions on provisional
 * visitor companies, grounded answers from the own company's public knowledge with numbered
 * citations (extractive without an LLM, and saying so when unsure), and leads that merge the
 * visitor into the real company. Routes at /api/chat.
 */
export default definePlugin({
  id: 'chat',
  kind: 'source',
  version: '0.1.0',
  apiVersion: '1.0',
  config: Config,
  capabilities: CAPABILITIES,
  migrations: new URL('./migrations', import.meta.url),
  setup(pluginCtx) {
    // The own company is looked up once a minute at most (every answer needs it).
    const ctx = { ...pluginCtx, companies: { ...pluginCtx.companies, self: selfCompany(pluginCtx) } };
    // Conversations follow their company through merges, whoever merges it.
    ctx.events.on('company.merged', ({ companyId, mergedId }) => ctx.kv.set(`merged:${mergedId}`, companyId));
    ctx.jobs.define('index-transcript', async (payload: { conversationId: string }) => {
      const companyId = await conversationCompany(ctx, payload.conversationId);
      if (companyId) await indexTranscript(ctx.forCompany(companyId), payload.conversationId);
    });
    siteRoutes(ctx);
    demoRoute(ctx);
    const limits = createLimits(ctx.config.rateLimits);
    sessionRoutes(ctx, limits);
    messageRoutes(ctx, limits);
    leadRoutes(ctx);
    handoffRoutes(ctx);
  },
});
