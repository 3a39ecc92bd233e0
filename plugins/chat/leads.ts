import { z } from 'zod';
import type { Ctx } from './config.ts';
import { allowOrigin, parse } from './sites.ts';
import { TEXTS } from './texts.ts';
import { type Conversation, visitorConversation } from './visitors.ts';

const Lead = z.strictObject({
  email: z.email('is not an email address').max(320),
  name: z.string().trim().max(300).optional(),
  phone: z.string().trim().regex(/^[+()\d\s.-]{3,50}$/, 'is not a phone number').optional().or(z.literal('')),
  company: z.string().trim().max(300).optional(),
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.string().max(500).optional(),
});

/**
 * `POST /api/chat/sessions/{id}/lead`: the visitor says who they are. The email (and company
 * name) resolve to the real company through the core resolver, the provisional visitor
 * company is merged into it with the whole conversation, the person becomes a contact, and
 * the timeline gets `chat.lead`. A filled-in honeypot is answered the same and ignored.
 */
export function leadRoutes(ctx: Ctx): void {
  ctx.publicRoutes.post('/sessions/:id/lead', async (c) => {
    const { conversation } = await visitorConversation(ctx, c.req.header('authorization'), c.req.param('id'));
    allowOrigin(c, c.req.header('origin'));
    const lead = parse(Lead, await c.req.json().catch(() => null));
    if (lead.website) {
      ctx.logger.info({ conversation: conversation.id }, 'lead form honeypot filled in; ignored');
      return c.json({ ok: true, message: TEXTS[conversation.lang].leadThanks });
    }
    await identifyVisitor(ctx, conversation, lead);
    return c.json({ ok: true, message: TEXTS[conversation.lang].leadThanks });
  });
}

/**
 * Who the visitor is, from the lead form or an email address typed in the chat: the real
 * company (resolved from the email and company name) takes over the provisional visitor
 * company with the whole conversation, the person becomes a contact, the timeline gets
 * `chat.lead`.
 */
export async function identifyVisitor(ctx: Ctx, conversation: Conversation, lead: { email?: string; name?: string; phone?: string; company?: string }): Promise<void> {
  let companyId = conversation.company_id;
  // An email or a company name points to a real company; a phone number alone stays with the visitor company.
  if (lead.email || lead.company) {
    const { company } = await ctx.companies.resolve({ ...(lead.email ? { email: lead.email } : {}), ...(lead.company ? { name: lead.company } : {}) });
    const current = await ctx.companies.get(companyId);
    if (current?.kind === 'visitor' && company.id !== companyId && company.kind !== 'self') {
      await ctx.companies.merge(companyId, company.id);
      await ctx.kv.set(`merged:${companyId}`, company.id);
      companyId = company.id;
    }
  }
  const store = ctx.forCompany(companyId);
  await store.transaction(async (tx) => {
    if (lead.email || lead.phone) {
      await tx.contacts.upsert({ ...(lead.email ? { email: lead.email } : {}), ...(lead.name ? { name: lead.name } : {}), ...(lead.phone ? { phone: lead.phone } : {}) });
    }
    await tx.sql`update chat_conversations set lead_email = coalesce(${lead.email ?? null}, lead_email, ${lead.phone ? `phone:${lead.phone}` : null}) where id = ${conversation.id}`;
    await tx.timeline.record({ type: 'chat.lead', payload: { conversation_id: conversation.id, email: lead.email ?? null, phone: lead.phone ?? null, company: lead.company ?? null, name: lead.name ?? null } });
  });
}

/**
 * What a visitor's message says about who they are: an email address, a Danish or
 * international phone number, or a company name with its legal form (ApS, A/S, I/S, …).
 *
 * @example
 * leadIn('Ring på 20 30 40 50, Lars fra Jensens VVS ApS'); // { phone: '20 30 40 50', company: 'Jensens VVS ApS' }
 */
export function leadIn(text: string): { email?: string; phone?: string; company?: string } | undefined {
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i.exec(text)?.[0];
  const phone = /(?:\+\d{2}[\s-]?)?(?:\d{2}[\s-]?){3}\d{2}\b/.exec(text)?.[0]?.trim();
  const company = /((?:(?:[A-ZÆØÅ0-9][\wæøåÆØÅ&.'-]*|&|og|and)\s){1,6}(?:ApS|A\/S|I\/S|IVS|K\/S|P\/S|Aps))(?=[\s,.!?]|$)/.exec(text)?.[1];
  if (!email && !phone && !company) return undefined;
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(company ? { company } : {}) };
}
