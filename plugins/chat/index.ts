import { definePlugin } from '../../plugin-api.js';
import { CAPABILITIES, Config } from './config.ts';
import { chatLimits } from './limits.ts';
import { createLive } from './live.ts';
import { askRoutes } from './routes/ask.ts';
import { demoRoute } from './routes/demo.ts';
import { leadRoutes } from './routes/leads.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { siteRoutes } from './routes/sites.ts';
import { staffRoutes } from './routes/staff.ts';
import { visitorRoutes } from './routes/visitor.ts';
import { selfCompany } from './self.ts';
import { conversationCompany } from './tokens.ts';
import { indexTranscript } from './transcripts.ts';
import { TIMELINE } from './timeline.ts';

/**
 * The website chatbot: site keys with their allowed origins, visitor sessions on provisional
 * visitor companies, grounded answers from the own company's public knowledge with numbered
 * citations (extractive without an LLM, and saying so when unsure), handoff to staff, and what
 * visitors say about themselves kept as unverified leads until staff confirm them. Routes at
 * /api/chat; the layout (store.ts for SQL, routes/ for HTTP, a file per rule) is the one every
 * plugin copies (docs/plugins.md).
 */
export default definePlugin({
  id: 'chat',
  kind: 'source',
  version: '0.2.0',
  apiVersion: '2.0',
  config: Config,
  capabilities: CAPABILITIES,
  // Price questions get an estimate from the price list when the pricing plugin runs.
  uses: ['pricing'],
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
    ctx.describeEvents(TIMELINE);
    const limits = chatLimits(ctx);
    const live = createLive();
    sessionRoutes(ctx, limits);
    askRoutes(ctx, limits);
    visitorRoutes(ctx, limits, live);
    demoRoute(ctx, limits);
    siteRoutes(ctx);
    staffRoutes(ctx, live);
    leadRoutes(ctx);
  },
});
