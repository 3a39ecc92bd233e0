import { definePlugin } from '../../plugin-api.js';
import { CAPABILITIES, Config } from './config.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { itemRoutes } from './routes/items.ts';

/**
 * Pricing: the own company's price list (products and services with Danish and English names,
 * synonyms, units, quantity breaks, minimum quantities, add-ons, validity and a VAT class) and
 * customers' agreements (their own prices or a discount). Money is whole øre, quantities
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
    itemRoutes(ctx);
    agreementRoutes(ctx);
  },
});
