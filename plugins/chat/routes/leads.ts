import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Ctx } from '../config.ts';
import { confirmLead, findLead, rejectLead } from '../identity.ts';
import { body, IdParam, json, LeadConfirm, LeadOut, problems } from '../schemas.ts';
import type { Lead } from '../store.ts';

const tags = ['Chat: staff'];
const CompanyRef = z.object({ id: z.uuid(), name: z.string(), kind: z.string() }).openapi('ChatLeadCompany');

const list = createRoute({
  method: 'get', path: '/leads', operationId: 'chatListLeads', tags, summary: 'Leads from the chat that wait for staff to confirm who the visitor is',
  request: { query: z.object({ status: z.enum(['unverified']).default('unverified') }) },
  responses: { 200: json(z.object({ items: z.array(LeadOut) }), 'Oldest first'), ...problems(422) },
});
const confirm = createRoute({
  method: 'post', path: '/leads/{id}/confirm', operationId: 'chatConfirmLead', tags,
  summary: "Confirm a lead: the visitor's conversation and company are merged into the company, the person becomes its contact",
  request: { params: IdParam, ...body(LeadConfirm) },
  responses: { 200: json(z.object({ lead: LeadOut, company: CompanyRef }), 'Confirmed'), ...problems(403, 404, 422) },
});
const reject = createRoute({
  method: 'post', path: '/leads/{id}/reject', operationId: 'chatRejectLead', tags, summary: 'Reject a lead (a prank, a wrong address): nothing is merged',
  request: { params: IdParam },
  responses: { 200: json(z.object({ lead: LeadOut }), 'Rejected'), ...problems(404, 422) },
});

/** Staff decide who a visitor is: the trust model is in identity.ts and docs/chat.md. */
export function leadRoutes(ctx: Ctx): void {
  ctx.routes.openapi(list, async (c) => {
    const queued = await ctx.kv.list<{ since: string }>('lead:', 1000);
    const items: Lead[] = [];
    for (const { key, value } of queued.sort((a, b) => a.value.since.localeCompare(b.value.since))) {
      const found = await findLead(ctx, key.slice('lead:'.length), c.var.caller.sees);
      if (found?.lead.status === 'unverified') items.push(found.lead);
      if (items.length >= 200) break;
    }
    return c.json({ items }, 200);
  });

  ctx.routes.openapi(confirm, async (c) => {
    const { caller } = c.var;
    if (!caller.may('crm:write')) throw new CrmError('forbidden', 'This credential lacks the crm:write scope');
    const { lead, company } = await confirmLead(ctx, c.req.valid('param').id, {
      intoId: c.req.valid('json').company_id, actor: caller.actor, sees: caller.sees, mayCreate: caller.companyIds === 'all',
    });
    return c.json({ lead, company: { id: company.id, name: company.name, kind: company.kind } }, 200);
  });

  ctx.routes.openapi(reject, async (c) => {
    const lead = await rejectLead(ctx, c.req.valid('param').id, { actor: c.var.caller.actor, sees: c.var.caller.sees });
    return c.json({ lead }, 200);
  });
}
