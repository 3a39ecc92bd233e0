import { randomUUID } from 'node:crypto';
import { createRoute, CrmError } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { AgreementIn, AgreementOut, agreementOut, basisPoints, body, CompanyParam, json, problems } from '../schemas.ts';
import { currentAgreement, deleteAgreement, setAgreement } from '../store.ts';

const tags = ['Pricing: agreements'];

const get = createRoute({
  method: 'get', path: '/agreements/{company_id}', operationId: 'pricingGetAgreement', tags, summary: "A customer's price agreement: its own prices by SKU and a discount on the rest",
  request: { params: CompanyParam }, responses: { 200: json(AgreementOut, 'The agreement'), ...problems(404, 422) },
});
const put = createRoute({
  method: 'put', path: '/agreements/{company_id}', operationId: 'pricingSetAgreement', tags, summary: "Set a customer's price agreement (replacing the one before)",
  request: { params: CompanyParam, ...body(AgreementIn) }, responses: { 200: json(AgreementOut, 'The agreement'), ...problems(400, 404, 422) },
});
const remove = createRoute({
  method: 'delete', path: '/agreements/{company_id}', operationId: 'pricingDeleteAgreement', tags, summary: "End a customer's price agreement (list prices apply again)",
  request: { params: CompanyParam }, responses: { 204: { description: 'Ended' }, ...problems(404, 422) },
});

/** Customers' price agreements, one per company. */
export function agreementRoutes(ctx: Ctx): void {
  ctx.routes.openapi(get, async (c) => {
    const { company_id } = c.req.valid('param');
    const agreement = await currentAgreement(c.var.forCompany(company_id), company_id);
    if (!agreement) throw new CrmError('not_found', `Company ${company_id} has no price agreement`);
    return c.json(agreementOut(agreement), 200);
  });

  ctx.routes.openapi(put, async (c) => {
    const { company_id } = c.req.valid('param');
    const input = c.req.valid('json');
    const store = c.var.forCompany(company_id);
    const company = await ctx.companies.get(company_id);
    if (!company) throw new CrmError('not_found', `Company ${company_id} not found`);
    if (company.kind === 'self') throw new CrmError('validation_failed', 'The own company has the price list, not an agreement');
    if (input.valid_from && input.valid_to && input.valid_to < input.valid_from) throw new CrmError('validation_failed', 'valid_to is before valid_from', { issues: [{ path: 'valid_to', message: 'is before valid_from' }] });
    const agreement = await store.transaction((tx) => setAgreement(tx, {
      id: randomUUID(), companyId: company_id, prices: input.prices, discountBp: basisPoints(input.discount_percent),
      validFrom: input.valid_from, validTo: input.valid_to, note: input.note, createdBy: c.var.caller.actor,
    }));
    return c.json(agreementOut(agreement), 200);
  });

  ctx.routes.openapi(remove, async (c) => {
    const { company_id } = c.req.valid('param');
    const removed = await deleteAgreement(c.var.forCompany(company_id), company_id);
    if (!removed) throw new CrmError('not_found', `Company ${company_id} has no price agreement`);
    return c.body(null, 204);
  });
}
