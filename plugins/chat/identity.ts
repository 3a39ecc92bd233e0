import { CrmError } from '../../plugin-api.js';
import type { Company } from '../../plugin-api.d.ts';
import type { Ctx } from './config.ts';
import { decideLead, insertLead, leadById, leadsOfConversation, noteLeadContact, type Conversation, type Lead } from './store.ts';
import { conversationCompany } from './tokens.ts';

/** What a visitor says about who they are, from the lead form or typed in a message. */
export interface Claim {
  email?: string | undefined;
  name?: string | undefined;
  phone?: string | undefined;
  company?: string | undefined;
}

/**
 * The trust model: an anonymous visitor's claim is not proof. Anyone can type a customer's
 * email address or company name, so a claim never moves the conversation into a real company
 * or writes to it. It is kept as an unverified lead on the visitor's own provisional company
 * (which takes the claimed name, marked `unverified_lead`), linked to the company it seems to
 * point to; staff confirm it (the visitor company is then merged into that company and the
 * person becomes its contact) or reject it. At most `leadsPerConversation` distinct claims are
 * kept per conversation: a form sent again and again is refused with 429, repeated claims
 * typed in messages are ignored.
 *
 * @example
 * await recordClaim(ctx, conversation, { email: 'mette@jensens-vvs.dk', name: 'Mette' }, 'form');
 * // → a chat_leads row (status unverified, candidate: the company of jensens-vvs.dk), chat.lead on the visitor's timeline
 */
export async function recordClaim(ctx: Ctx, conversation: Conversation, claim: Claim, source: Lead['source']): Promise<Lead | undefined> {
  const companyId = (await conversationCompany(ctx, conversation.id)) ?? conversation.company_id;
  const store = ctx.forCompany(companyId);
  const earlier = await leadsOfConversation(store, conversation.id);
  const same = earlier.find((l) => (claim.email ?? null) === l.email && (claim.phone ?? null) === l.phone && (claim.company ?? null) === l.company_name);
  if (same) return same;
  if (earlier.length >= ctx.config.rateLimits.leadsPerConversation) {
    if (source === 'message') return undefined;
    throw new CrmError('rate_limited', 'This conversation has already left its contact details; a colleague will get back to you', { extra: { retryAfter: 3600 } });
  }
  const candidate = await candidateOf(ctx, claim, companyId);
  const current = await ctx.companies.get(companyId);
  const lead = await store.transaction(async (tx) => {
    const row = await insertLead(tx, {
      company_id: companyId, conversation_id: conversation.id, source,
      email: claim.email?.toLowerCase() ?? null, name: claim.name ?? null, phone: claim.phone ?? null, company_name: claim.company ?? null,
      candidate_company_id: candidate?.id ?? null,
    });
    await noteLeadContact(tx, conversation.id, claim);
    await tx.timeline.record({
      type: 'chat.lead',
      payload: { conversation_id: conversation.id, lead_id: row.id, verified: false, candidate_company_id: row.candidate_company_id, email: row.email, phone: row.phone, company: row.company_name, name: row.name },
    });
    return row;
  });
  // A provisional company shows what the visitor claims to be, marked as unverified.
  if (current?.kind === 'visitor') {
    const shown = claim.company ?? claim.name ?? claim.email;
    await ctx.companies.updateVisitor(companyId, { ...(shown ? { name: shown } : {}), attributes: { unverified_lead: true, claimed: { ...claim } } });
  }
  await ctx.kv.set(`lead:${lead.id}`, { conversationId: conversation.id, since: lead.created_at });
  return lead;
}

/** The existing customer company a claim points to, never the own company or another visitor. */
async function candidateOf(ctx: Ctx, claim: Claim, ownCompanyId: string): Promise<Company | undefined> {
  if (!claim.email && !claim.company) return undefined;
  const found = await ctx.companies.find({ ...(claim.email ? { email: claim.email } : {}), ...(claim.company ? { name: claim.company } : {}) });
  if (!found || found.id === ownCompanyId || found.kind === 'self' || found.kind === 'visitor') return undefined;
  return found;
}

/** A lead by id with the store of the company it is in now, if the caller may see it. */
export async function findLead(ctx: Ctx, leadId: string, sees: (companyId: string) => boolean) {
  const ref = await ctx.kv.get<{ conversationId: string }>(`lead:${leadId}`);
  const companyId = ref ? await conversationCompany(ctx, ref.conversationId) : undefined;
  if (!ref || !companyId || !sees(companyId)) return undefined;
  const store = ctx.forCompany(companyId);
  const lead = await leadById(store, leadId);
  return lead ? { lead, store } : undefined;
}

/**
 * Staff confirm a lead: the visitor's company is merged into `intoId` (default the candidate;
 * with neither, the company the claim resolves to, created if needed), the person becomes its
 * contact, and `chat.lead_confirmed` goes on its timeline.
 *
 * @example
 * const { company } = await confirmLead(ctx, leadId, { intoId, actor: 'user:…', sees, mayCreate: true });
 */
export async function confirmLead(
  ctx: Ctx,
  leadId: string,
  options: { intoId?: string | undefined; actor: string; sees: (companyId: string) => boolean; mayCreate: boolean },
): Promise<{ lead: Lead; company: Company }> {
  const found = await findLead(ctx, leadId, options.sees);
  if (!found || found.lead.status !== 'unverified') throw new CrmError('not_found', `Unverified lead ${leadId} not found`);
  const { lead } = found;
  let into: Company | null | undefined;
  const intoId = options.intoId ?? lead.candidate_company_id ?? undefined;
  if (intoId) {
    into = options.sees(intoId) ? await ctx.companies.get(intoId) : null;
    if (!into || into.kind === 'self') throw new CrmError('not_found', `Company ${intoId} not found`);
  } else {
    if (!options.mayCreate) throw new CrmError('forbidden', 'A credential restricted to specific companies cannot create the company of a lead; name one with company_id');
    if (!lead.email && !lead.company_name && !lead.name) throw new CrmError('validation_failed', 'This lead names no email or company to create a company from; name one with company_id');
    into = (await ctx.companies.resolve({ ...(lead.email ? { email: lead.email } : {}), ...(lead.company_name || lead.name ? { name: (lead.company_name ?? lead.name)! } : {}) })).company;
  }
  const current = await ctx.companies.get(lead.company_id);
  if (current?.kind === 'visitor' && current.id !== into.id) {
    await ctx.companies.merge(current.id, into.id);
    await ctx.kv.set(`merged:${current.id}`, into.id);
  }
  const store = ctx.forCompany(into.id);
  const decided = await store.transaction(async (tx) => {
    if (lead.email || lead.phone) {
      await tx.contacts.upsert({
        ...(lead.email ? { email: lead.email } : {}), ...(lead.name ? { name: lead.name } : {}), ...(lead.phone ? { phone: lead.phone } : {}),
        attributes: { source: 'chat', confirmed_by: options.actor },
      });
    }
    const row = await decideLead(tx, lead.id, { status: 'confirmed', by: options.actor });
    await tx.timeline.record({ type: 'chat.lead_confirmed', payload: { conversation_id: lead.conversation_id, lead_id: lead.id, by: options.actor } });
    return row;
  });
  await ctx.kv.delete(`lead:${lead.id}`);
  return { lead: decided ?? lead, company: into };
}

/** Staff reject a lead (a prank, a wrong address): it stays on the visitor company as rejected. */
export async function rejectLead(ctx: Ctx, leadId: string, options: { actor: string; sees: (companyId: string) => boolean }): Promise<Lead> {
  const found = await findLead(ctx, leadId, options.sees);
  if (!found || found.lead.status !== 'unverified') throw new CrmError('not_found', `Unverified lead ${leadId} not found`);
  const decided = await decideLead(found.store, leadId, { status: 'rejected', by: options.actor });
  await ctx.kv.delete(`lead:${leadId}`);
  return decided ?? found.lead;
}

/**
 * What a visitor's message says about who they are: an email address, a Danish or
 * international phone number, or a company name with its legal form (ApS, A/S, I/S, …).
 *
 * @example
 * leadIn('Ring på 20 30 40 50, Lars fra Jensens VVS ApS'); // { phone: '20 30 40 50', company: 'Jensens VVS ApS' }
 */
export function leadIn(text: string): Claim | undefined {
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i.exec(text)?.[0];
  const phone = /(?:\+\d{2}[\s-]?)?(?:\d{2}[\s-]?){3}\d{2}\b/.exec(text)?.[0]?.trim();
  const company = /((?:(?:[A-ZÆØÅ0-9][\wæøåÆØÅ&.'-]*|&|og|and)\s){1,6}(?:ApS|A\/S|I\/S|IVS|K\/S|P\/S|Aps))(?=[\s,.!?]|$)/.exec(text)?.[1];
  if (!email && !phone && !company) return undefined;
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(company ? { company } : {}) };
}
