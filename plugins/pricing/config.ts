import { z } from 'zod';
import type { Capability } from '../../plugin-api.d.ts';

/** What the pricing plugin needs from the core, and nothing more. */
export const CAPABILITIES = ['storage', 'routes', 'public-routes', 'events'] as const satisfies readonly Capability[];

/** Settings (crm.config.ts or CRM_PLUGIN_PRICING_<KEY>). */
export const Config = z.object({
  /**
   * How amounts are rounded to whole øre: `line` (each line's amount, then the sum: what a
   * Danish invoice shows, and the default) or `total` (exact lines, rounded once per VAT class).
   */
  rounding: z.enum(['line', 'total']).default('line'),
  /** Days a quote is valid unless it says otherwise. */
  validityDays: z.number().int().min(1).max(365).default(30),
  /** Payment terms printed on quotes, in Danish and English. */
  paymentTerms: z.object({ da: z.string().min(1).max(200), en: z.string().min(1).max(200) }).default({ da: 'Netto 8 dage', en: 'Net 8 days' }),
});
export type PricingConfig = z.infer<typeof Config>;
