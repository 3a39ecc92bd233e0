import { randomUUID } from 'node:crypto';
import { CrmError } from '../../plugin-api.js';
import { calculateQuote, PricingError } from './calc/index.ts';
import type { Ctx } from './context.ts';
import { renderQuotePdf } from './pdf/index.ts';
import {
  currentAgreement, getQuote, getVersion, insertQuote, insertVersion, listItems, nextQuoteNumber, type QuoteRow, type QuoteStatus, setCurrentVersion, setStatus,
  type Sql, type VersionRow,
} from './store.ts';
import type { Agreement, BasisPoints, LineInput, PriceItem, QuoteTotals } from './types.ts';

/** Today in Denmark (yyyy-mm-dd): prices and validity are dated by the Danish calendar. */
export function danishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A calculation error as the API's problem: the message, and the line it is about. */
function asProblem(error: unknown): never {
  if (error instanceof PricingError) {
    const path = error.details.line !== undefined ? `lines.${error.details.line}` : error.code === 'invalid_discount' ? 'total_discount_percent' : 'lines';
    throw new CrmError('validation_failed', error.en, { issues: [{ path, message: error.en }], extra: { code: error.code, detail_da: error.da } });
  }
  throw error;
}

/**
 * Prices lines for a customer (or at list price): the own company's live price list, the
 * customer's agreement when it is valid on the day, the configured rounding. The items and
 * agreement used, and the lines with SKUs spelt as the list spells them, are returned too, so
 * a quote version keeps them as they were.
 *
 * @example
 * const { totals } = await price(ctx, customerId, [{ sku: 'TR-ZINK-333', quantity: 12_000 }], { totalDiscountBp: 0 });
 */
export async function price(ctx: Ctx, companyId: string | null, lines: LineInput[], o: { totalDiscountBp?: BasisPoints; date?: string }): Promise<{ totals: QuoteTotals; items: PriceItem[]; agreement: Agreement | null; lines: LineInput[] }> {
  const self = await ctx.companies.self();
  const date = o.date ?? danishToday();
  const all = await listItems(ctx.forCompany(self.id));
  const skus = new Set(lines.map((l) => l.sku.toLowerCase()));
  const items: PriceItem[] = all.filter((i) => skus.has(i.sku.toLowerCase())).map(({ archivedAt: _a, createdAt: _c, updatedAt: _u, ...item }) => item);
  // Lines name SKUs as typed; the list's spelling is the one priced.
  const bySku = new Map(items.map((i) => [i.sku.toLowerCase(), i.sku]));
  const named = lines.map((l) => ({ ...l, sku: bySku.get(l.sku.toLowerCase()) ?? l.sku }));
  const stored = companyId && companyId !== self.id ? await currentAgreement(ctx.forCompany(companyId), companyId) : undefined;
  // An agreement that has run out (or not begun) is not an error: list prices apply.
  const valid = stored && (!stored.validFrom || stored.validFrom <= date) && (!stored.validTo || stored.validTo >= date) ? stored : null;
  const agreement: Agreement | null = valid ? { companyId: valid.companyId, prices: valid.prices, discountBp: valid.discountBp, validFrom: valid.validFrom, validTo: valid.validTo } : null;
  try {
    const totals = calculateQuote({ items, lines: named, agreement, totalDiscountBp: o.totalDiscountBp ?? 0, rounding: ctx.config.rounding, date });
    return { totals, items, agreement, lines: named };
  } catch (error) {
    return asProblem(error);
  }
}

/** A quote with the version shown. */
export interface QuoteView {
  quote: QuoteRow;
  version: VersionRow;
}

/**
 * Creates a quote (version 1, a draft) on a customer's company: numbered by the own company's
 * yearly sequence, priced now, recorded on the timeline as `quote.created`.
 *
 * @example
 * const { quote } = await createQuote(ctx, { companyId, lines, lang: 'da', actor: 'user:…' });
 */
export async function createQuote(ctx: Ctx, r: {
  companyId: string; lines: LineInput[]; totalDiscountBp?: BasisPoints; lang: 'da' | 'en'; title?: string | null; notes?: string | null; validUntil?: string;
  estimate?: boolean; conversationId?: string | null; actor: string;
}): Promise<QuoteView> {
  const company = await ctx.companies.get(r.companyId);
  if (!company) throw new CrmError('not_found', `Company ${r.companyId} not found`);
  if (company.kind === 'self') throw new CrmError('validation_failed', 'A quote is for a customer, not the own company', { issues: [{ path: 'company_id', message: 'is the own company' }] });
  const today = danishToday();
  const validUntil = r.validUntil ?? addDays(today, ctx.config.validityDays);
  if (validUntil < today) throw new CrmError('validation_failed', 'valid_until is in the past', { issues: [{ path: 'valid_until', message: 'is in the past' }] });
  const { totals, items, agreement, lines } = await price(ctx, r.companyId, r.lines, { totalDiscountBp: r.totalDiscountBp, date: today });
  const self = await ctx.companies.self();
  // The number is counted in the own company's scope; a crash before the quote leaves a gap, never a duplicate.
  const number = await ctx.forCompany(self.id).transaction((tx) => nextQuoteNumber(tx, self.id, Number(today.slice(0, 4))));
  const view = await ctx.forCompany(r.companyId).transaction(async (tx) => {
    const quote = await insertQuote(tx, {
      id: randomUUID(), companyId: r.companyId, number, lang: r.lang, validUntil, estimate: r.estimate ?? false, conversationId: r.conversationId ?? null, title: r.title ?? null, createdBy: r.actor,
    });
    const version = await insertVersion(tx, r.companyId, {
      quote_id: quote.id, version: 1, lines, items, agreement, total_discount_bp: r.totalDiscountBp ?? 0, rounding: totals.rounding, totals, notes: r.notes ?? null, created_by: r.actor,
    });
    await tx.timeline.record({ type: 'quote.created', payload: { quote_id: quote.id, number, gross_ore: totals.grossOre, estimate: quote.estimate, conversation_id: quote.conversation_id } });
    return { quote, version };
  });
  return view;
}

/** A quote and its current version (or `version`), or 404. */
export async function readQuote(store: Sql, id: string, version?: number): Promise<QuoteView> {
  const quote = await getQuote(store, id);
  const row = quote ? await getVersion(store, id, version ?? quote.current_version) : undefined;
  if (!quote || !row) throw new CrmError('not_found', version && quote ? `Quote ${id} has no version ${version}` : `Quote ${id} not found`);
  return { quote, version: row };
}

/**
 * A new version of a quote: the lines priced again today, the quote back to draft. An accepted
 * quote can't change (make a new one).
 */
export async function reviseQuote(ctx: Ctx, companyId: string, id: string, r: { lines: LineInput[]; totalDiscountBp?: BasisPoints; notes?: string | null; validUntil?: string; actor: string }): Promise<QuoteView> {
  const store = ctx.forCompany(companyId);
  const current = await readQuote(store, id);
  if (current.quote.status === 'accepted') throw new CrmError('conflict', `Quote ${current.quote.number} is accepted; make a new quote instead`);
  const today = danishToday();
  const { totals, items, agreement, lines } = await price(ctx, companyId, r.lines, { totalDiscountBp: r.totalDiscountBp, date: today });
  const next = current.quote.current_version + 1;
  const validUntil = r.validUntil ?? addDays(today, ctx.config.validityDays);
  return store.transaction(async (tx) => {
    const version = await insertVersion(tx, companyId, {
      quote_id: id, version: next, lines, items, agreement, total_discount_bp: r.totalDiscountBp ?? 0, rounding: totals.rounding, totals, notes: r.notes ?? null, created_by: r.actor,
    });
    const quote = await setCurrentVersion(tx, id, next, validUntil);
    if (!quote) throw new CrmError('conflict', `Quote ${current.quote.number} changed meanwhile; read it again`);
    return { quote, version };
  });
}

const MOVES: Record<'sent' | 'rejected' | 'expired', QuoteStatus[]> = { sent: ['draft', 'sent'], rejected: ['draft', 'sent'], expired: ['draft', 'sent'] };

/** Marks a quote sent, rejected or expired (from draft or sent), on the timeline. */
export async function moveQuote(ctx: Ctx, companyId: string, id: string, to: 'sent' | 'rejected' | 'expired'): Promise<QuoteView> {
  const store = ctx.forCompany(companyId);
  const current = await readQuote(store, id);
  return store.transaction(async (tx) => {
    const quote = await setStatus(tx, id, to, MOVES[to]);
    if (!quote) throw new CrmError('conflict', `Quote ${current.quote.number} is ${current.quote.status}; it can't become ${to}`);
    await tx.timeline.record({ type: `quote.${to}`, payload: { quote_id: id, number: quote.number, version: quote.current_version, gross_ore: current.version.totals.grossOre } });
    return { quote, version: current.version };
  });
}

/** A company's address as lines, from what the CRM knows (its `address` attribute, or its profile from its website). */
function addressOf(attributes: Record<string, unknown>): string[] {
  const address = typeof attributes.address === 'string' ? attributes.address : null;
  return address ? address.split(/\s*,\s*/).filter(Boolean) : [];
}

/**
 * The quote as a PDF (pdf/): the own company as the seller (name, CVR, address, contact from
 * its attributes), the customer, the version's lines and totals, the payment terms.
 *
 * @example
 * const bytes = await quotePdf(ctx, await readQuote(store, id), 'da');
 */
export async function quotePdf(ctx: Ctx, view: QuoteView, lang: 'da' | 'en'): Promise<Uint8Array> {
  const [self, customer] = await Promise.all([ctx.companies.self(), ctx.companies.get(view.quote.company_id)]);
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const contacts = customer ? await ctx.forCompany(customer.id).contacts.list({ limit: 1 }) : [];
  return renderQuotePdf({
    lang,
    quote: {
      number: view.quote.number, version: view.version.version, date: view.version.created_at.slice(0, 10), validUntil: view.quote.valid_until,
      totals: view.version.totals, ...(view.version.notes ? { notes: view.version.notes } : {}), paymentTerms: ctx.config.paymentTerms[lang],
    },
    seller: {
      name: self.name, cvr: self.cvr, address: addressOf(self.attributes),
      ...(text(self.attributes.email) ? { email: text(self.attributes.email)! } : {}), ...(text(self.attributes.phone) ? { phone: text(self.attributes.phone)! } : {}),
      ...(self.website_url ? { website: self.website_url } : {}), ...(text(self.attributes.bank) ? { bank: text(self.attributes.bank)! } : {}),
    },
    customer: {
      name: customer?.name ?? '', cvr: customer?.cvr ?? null, address: addressOf(customer?.attributes ?? {}),
      ...(contacts[0]?.name ? { contact: contacts[0].name } : {}), ...(contacts[0]?.email ? { email: contacts[0].email } : {}),
    },
    estimate: view.quote.estimate,
  });
}

/**
 * The customer accepts a quote online (by its signed link): the optional lines and alternatives
 * they picked are priced exactly as offered (the version's own items and agreement, not today's
 * list), kept as a new version when the picks changed anything, and the quote is accepted with
 * their name, the time and their address, on the timeline as `quote.accepted`.
 *
 * @example
 * await acceptQuote(ctx, companyId, quoteId, { name: 'Mette Jensen', chosen: [3], ip: '192.0.2.7' });
 */
export async function acceptQuote(ctx: Ctx, companyId: string, id: string, r: { name: string; chosen: number[]; ip: string | null }): Promise<QuoteView> {
  const store = ctx.forCompany(companyId);
  const current = await readQuote(store, id);
  const { quote, version } = current;
  if (quote.status !== 'draft' && quote.status !== 'sent') throw new CrmError('conflict', `Quote ${quote.number} is ${quote.status}; it can't be accepted`);
  if (quote.valid_until < danishToday()) throw new CrmError('conflict', `Quote ${quote.number} expired on ${quote.valid_until}`);
  const wrong = r.chosen.find((i) => !version.lines[i] || (!version.lines[i]!.optional && !version.lines[i]!.group));
  if (wrong !== undefined) throw new CrmError('validation_failed', `Line ${wrong + 1} is neither optional nor an alternative`, { issues: [{ path: 'chosen', message: `line ${wrong + 1} can't be chosen` }] });
  const groups = new Set(r.chosen.map((i) => version.lines[i]!.group).filter(Boolean));
  const lines = version.lines.map((line, i): LineInput => {
    if (line.optional || (line.group && groups.has(line.group))) return { ...line, chosen: r.chosen.includes(i) };
    return line;
  });
  const changed = JSON.stringify(lines) !== JSON.stringify(version.lines);
  let totals = version.totals;
  if (changed) {
    try {
      totals = calculateQuote({ items: version.items, lines, agreement: version.agreement, totalDiscountBp: version.total_discount_bp, rounding: version.rounding });
    } catch (error) {
      asProblem(error);
    }
  }
  return store.transaction(async (tx) => {
    let shown = version;
    if (changed) {
      shown = await insertVersion(tx, companyId, { ...version, version: version.version + 1, lines, totals, created_by: `customer: ${r.name}` });
      if (!(await setCurrentVersion(tx, id, shown.version, quote.valid_until, { backToDraft: false }))) throw new CrmError('conflict', `Quote ${quote.number} changed meanwhile; open the link again`);
    }
    const accepted = await setStatus(tx, id, 'accepted', ['draft', 'sent'], { acceptedBy: r.name, acceptedIp: r.ip });
    if (!accepted) throw new CrmError('conflict', `Quote ${quote.number} can't be accepted now`);
    await tx.timeline.record({ type: 'quote.accepted', payload: { quote_id: id, number: quote.number, version: shown.version, accepted_by: r.name, ip: r.ip, gross_ore: totals.grossOre } });
    return { quote: accepted, version: shown };
  });
}
