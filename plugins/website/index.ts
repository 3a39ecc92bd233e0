import { definePlugin } from '../../plugin-api.js';
import { CAPABILITIES, Config } from './config.ts';
import { runScheduled } from './crawls.ts';
import { runCrawl } from './crawl/run.ts';
import { queueEnrichment, runEnrichment, websiteOf } from './enrichment.ts';
import { locate } from './locate.ts';
import { crawlRoutes } from './routes/crawls.ts';
import { profileRoutes } from './routes/profiles.ts';
import { siteRoutes } from './routes/sites.ts';
import { TIMELINE } from './timeline.ts';

declare module '../../plugin-api.d.ts' {
  interface CrmEvents {
    'website.crawled': { companyId: string; crawlId: string; siteId: string; status: string };
    'website.enriched': { companyId: string; crawlId: string; fields: string[] };
  }
}

/**
 * Website: a polite, safe, incremental crawler (robots.txt with Crawl-delay, sitemaps and
 * sitemap indexes, one spelling per URL, a pace per host, Retry-After, conditional requests,
 * pages that vanished taken out, every address checked by the core's guarded fetch) that
 * turns a site into passages without its navigation, cookie banner and footer, cited by URL
 * and heading anchor; PDFs and Word files it finds go to the documents plugin. The own
 * company's site becomes the chatbot's public knowledge; a customer's site enriches that
 * customer's profile. Routes at /api/website; `POST /api/companies/{id}/enrich` through the
 * core's enrichment engine slot.
 */
export default definePlugin({
  id: 'website',
  kind: 'source',
  version: '0.1.0',
  apiVersion: '2.0',
  config: Config,
  capabilities: CAPABILITIES,
  uses: ['documents'],
  migrations: new URL('./migrations', import.meta.url),
  setup(ctx) {
    ctx.describeEvents(TIMELINE);
    ctx.events.on('company.merged', ({ companyId, mergedId }) => locate.merged(ctx.kv, mergedId, companyId));
    ctx.jobs.define('crawl', (p: { crawlId: string; companyId: string }, job) => runCrawl(ctx, job.companyId ?? p.companyId, p.crawlId, job), { timeoutMs: 12 * 60 * 60_000, maxAttempts: 5 });
    ctx.jobs.define('enrich', (p: { crawlId: string; companyId: string }, job) => runEnrichment(ctx, job.companyId ?? p.companyId, p.crawlId, job), { timeoutMs: 10 * 60_000, maxAttempts: 3 });
    ctx.jobs.define('recrawl', (p: { siteId: string; companyId: string; at: string }) => runScheduled(ctx, p), { timeoutMs: 60_000 });
    if (ctx.config.autoEnrich) {
      const enrichIfWebsite = async (companyId: string, trigger: string) => {
        const company = await ctx.companies.get(companyId);
        if (!company || (company.kind !== 'business') || !websiteOf(company)) return;
        await queueEnrichment(ctx, companyId, { actor: `plugin:website (${trigger})`, trigger: 'company' });
      };
      ctx.events.on('company.created', ({ companyId }) => enrichIfWebsite(companyId, 'company created'));
      ctx.events.on('company.updated', ({ companyId, fields }) => (fields.includes('domain') || fields.includes('website_url') ? enrichIfWebsite(companyId, 'domain set') : undefined));
    }
    crawlRoutes(ctx);
    siteRoutes(ctx);
    profileRoutes(ctx);
    return {
      engine: {
        kind: 'enrichment',
        async enrich(companyId, { actor }) {
          const { crawl, jobId } = await queueEnrichment(ctx, companyId, { actor, trigger: 'manual' });
          return { jobId, statusUrl: `/api/website/crawls/${crawl.id}` };
        },
      },
    };
  },
});
