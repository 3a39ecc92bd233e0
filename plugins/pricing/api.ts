import type { CompanyId } from '../../plugin-api.d.ts';
import { formatOre, formatQuantity } from './calc/format.ts';
import type { Ctx } from './context.ts';
import { linesFromText } from './parse/lines.ts';
import { createQuote } from './quotes.ts';
import { locate } from './locate.ts';
import { listItems } from './store.ts';

/** A price estimate from a visitor's question, as the chat shows it. */
export interface Estimate {
  /** The answer to show, in the visitor's language: the lines, the total including moms, and that it is an estimate. */
  text: string;
  /** The counted lines as shown: name, quantity, and the line's amount excluding moms. */
  lines: { name: string; quantity: string; netAmount: string }[];
  netOre: number;
  grossOre: number;
  /** What the question asked for that the price list lacks. */
  unmatched: string[];
  /** The draft quote made for staff on the visitor's company. */
  quoteId: string;
  number: string;
}

/**
 * What the pricing plugin offers the plugins that use it (`uses: ['pricing']`, then
 * `ctx.plugins.api<PricingApi>('pricing')`).
 *
 * @example
 * const estimate = await ctx.plugins.api<PricingApi>('pricing')?.estimate('Hvad koster 12 m tagrende?', { companyId, lang: 'da', conversationId });
 */
export interface PricingApi {
  /**
   * An estimate of what a question asks for, from the public items of the price list only (never
   * an invented product or price), with a draft quote (marked as an estimate, the conversation
   * linked) on the company for staff to finish; null when the question names nothing on the list.
   */
  estimate(question: string, o: { companyId: CompanyId; lang: 'da' | 'en'; conversationId?: string | null }): Promise<Estimate | null>;
}

const TEXTS = {
  da: {
    intro: 'Et overslag ud fra vores prisliste:',
    total: (gross: string, net: string) => `I alt ca. ${gross} inkl. moms (${net} ekskl. moms).`,
    missing: (parts: string) => `Det har vi ikke en pris på her: ${parts}.`,
    outro: 'Det er et vejledende overslag, ikke et bindende tilbud. Vi sender gerne et endeligt tilbud.',
  },
  en: {
    intro: 'An estimate from our price list:',
    total: (gross: string, net: string) => `About ${gross} in total including VAT (${net} excluding VAT).`,
    missing: (parts: string) => `We have no price here for: ${parts}.`,
    outro: 'This is an indicative estimate, not a binding quote. We are happy to send you a final quote.',
  },
} as const;

/** The pricing plugin's {@link PricingApi}, bound to its ctx. */
export function pricingApi(ctx: Ctx): PricingApi {
  return {
    async estimate(question, o) {
      const self = await ctx.companies.self();
      const items = (await listItems(ctx.forCompany(self.id), { publicOnly: true })).map(({ archivedAt: _a, createdAt: _c, updatedAt: _u, ...item }) => item);
      if (items.length === 0) return null;
      const read = linesFromText(question, items, { lang: o.lang, stem: (word, lang) => ctx.text.stem(word, lang) });
      if (read.lines.length === 0) return null;
      const view = await createQuote(ctx, {
        companyId: o.companyId, lines: read.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), lang: o.lang, estimate: true,
        conversationId: o.conversationId ?? null, title: o.lang === 'da' ? 'Overslag fra chatten' : 'Estimate from the chat', notes: question.slice(0, 2000), actor: 'plugin:pricing (chat)',
      });
      await locate.remember(ctx.kv, view.quote.id, o.companyId);
      const totals = view.version.totals;
      const t = TEXTS[o.lang];
      const lines = totals.lines.filter((l) => l.counted).map((l) => ({
        name: l.name[o.lang], quantity: formatQuantity(l.quantity, l.unit, o.lang), netAmount: formatOre(l.netOre, o.lang),
      }));
      const text = [
        t.intro,
        ...lines.map((l) => `• ${l.quantity} ${l.name}`),
        t.total(formatOre(totals.grossOre, o.lang), formatOre(totals.netOre, o.lang)),
        ...(read.unmatched.length ? [t.missing(read.unmatched.join(', '))] : []),
        t.outro,
      ].join('\n');
      return { text, lines, netOre: totals.netOre, grossOre: totals.grossOre, unmatched: read.unmatched, quoteId: view.quote.id, number: view.quote.number };
    },
  };
}
