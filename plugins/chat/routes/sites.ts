import { randomBytes } from 'node:crypto';
import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Caller } from '../../../plugin-api.d.ts';
import type { Ctx } from '../config.ts';
import { body, IdParam, json, problems, SiteCreate, SiteOut, SitePatch } from '../schemas.ts';
import { deleteSite, insertSite, listSites, updateSite } from '../store.ts';

const tags = ['Chat: websites'];

const create = createRoute({
  method: 'post', path: '/sites', operationId: 'chatCreateSite', tags, summary: 'Add a website that may embed the chat (admin); answers its site key',
  request: body(SiteCreate),
  responses: { 201: json(SiteOut, 'The website and its site key'), ...problems(404, 422) },
});
const list = createRoute({
  method: 'get', path: '/sites', operationId: 'chatListSites', tags, summary: 'The websites that may embed the chat',
  responses: { 200: json(z.object({ items: z.array(SiteOut) }), 'Every website'), ...problems(404) },
});
const patch = createRoute({
  method: 'patch', path: '/sites/{id}', operationId: 'chatUpdateSite', tags, summary: "Rename a website or change its allowed origins (admin)",
  request: { params: IdParam, ...body(SitePatch) },
  responses: { 200: json(SiteOut, 'The changed website'), ...problems(404, 422) },
});
const remove = createRoute({
  method: 'delete', path: '/sites/{id}', operationId: 'chatDeleteSite', tags, summary: 'Remove a website: its key stops working, its conversations are kept (admin)',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...problems(404, 422) },
});

function requireAdmin(caller: Caller): void {
  if (!caller.may('admin')) throw new CrmError('forbidden', 'Managing the websites of the chat needs the admin scope');
}

/** `/api/chat/sites`: the websites that may embed the chat, each with its key and allowed origins. */
export function siteRoutes(ctx: Ctx): void {
  ctx.routes.openapi(create, async (c) => {
    requireAdmin(c.var.caller);
    const input = c.req.valid('json');
    const self = await ctx.companies.self();
    const site = await insertSite(c.var.forCompany(self.id), { companyId: self.id, name: input.name, siteKey: `site_${randomBytes(18).toString('base64url')}`, allowedOrigins: input.allowed_origins });
    return c.json(site, 201);
  });
  ctx.routes.openapi(list, async (c) => {
    const self = await ctx.companies.self();
    return c.json({ items: await listSites(c.var.forCompany(self.id)) }, 200);
  });
  ctx.routes.openapi(patch, async (c) => {
    requireAdmin(c.var.caller);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const self = await ctx.companies.self();
    const site = await updateSite(c.var.forCompany(self.id), id, { ...(input.name ? { name: input.name } : {}), ...(input.allowed_origins ? { allowedOrigins: input.allowed_origins } : {}) });
    if (!site) throw new CrmError('not_found', `Website ${id} not found`);
    return c.json(site, 200);
  });
  ctx.routes.openapi(remove, async (c) => {
    requireAdmin(c.var.caller);
    const { id } = c.req.valid('param');
    const self = await ctx.companies.self();
    if (!(await deleteSite(c.var.forCompany(self.id), id))) throw new CrmError('not_found', `Website ${id} not found`);
    return c.body(null, 204);
  });
}
