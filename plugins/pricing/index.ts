import { definePlugin } from '../../plugin-api.js';
import { pricingApi } from './api.ts';
import { CAPABILITIES, Config } from './config.ts';
import { acceptRoutes } from './routes/accept.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { fromTextRoutes } from './routes/from-text.ts';
import { importRoutes } from './routes/import.ts';
import { itemRoutes } from './routes/items.ts';
import { quoteRoutes } from './routes/quotes.ts';
import { locate } from './locate.ts';
import { TIMELINE } from './timeline.ts';

/**
 * Pricing: the own company's price list (products and services with Danish and English names,
 * synonyms, units, quantity breaks, minimum quantities, add-ons, validity and a VAT class) and
 * customers' agreements (their own prices or a discount); the exact calculation (calc/: the
 * documented order of rules, VAT per class, rounding to whole øre by a stated rule); quotes
 * per company with versions and status, on the timeline. Money is whole øre, quantities
 * thousandths of a unit, percentages basis points: nothing is a float. Routes at /api/pricing.
 */
export default definePlugin({
  id: 'pricing',
  kind: 'engine',
  version: '0.1.0',
  apiVersion: '2.0',
  config: Config,
  capabilities: CAPABILITIES,
  migrations: new URL('./migrations', import.meta.url),
  setup(ctx) {
    ctx.describeEvents(TIMELINE);
    ctx.events.on('company.merged', ({ companyId, mergedId }) => locate.merged(ctx.kv, mergedId, companyId));
    itemRoutes(ctx);
    importRoutes(ctx);
    agreementRoutes(ctx);
    quoteRoutes(ctx);
    acceptRoutes(ctx);
    fromTextRoutes(ctx);
    return { api: pricingApi(ctx) };
  },
});
