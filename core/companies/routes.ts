import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { assertUnrestricted } from '../auth/principal.ts';
import { audit } from '../audit/index.ts';
import { type BlobBackend, blobLocationsOf } from '../blobs/index.ts';
import { COMPANY_KINDS, COMPANY_STAGES } from '../db/schema/index.ts';
import { recordEvent } from '../events/store.ts';
import type { AppEnv } from '../http/env.ts';
import { body, IdParam, json, PageQuery, problems } from '../http/schemas.ts';
import { CompanyCreate, CompanyOut, CompanyPatch, companyIn, companyOut } from './schemas.ts';
import { createCompany, deleteCompany, listCompanies, requireCompany, updateCompany } from './store.ts';
import { normalizeCvr, normalizeDomain } from './normalize.ts';
import type { Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';

const tags = ['Companies'];

const create = createRoute({
  method: 'post', operationId: 'createCompany', path: '/', tags, summary: 'Create a company',
  request: body(CompanyCreate),
  responses: { 201: json(CompanyOut, 'The new company'), ...problems(400, 409, 413, 415, 422) },
});

const list = createRoute({
  method: 'get', operationId: 'listCompanies', path: '/', tags, summary: 'List companies, newest first',
  request: {
    query: z.object({
      q: z.string().max(200).optional().openapi({ description: 'Text in the name or domain, or a CVR number' }),
      kind: z
        .string()
        .regex(new RegExp(`^(${COMPANY_KINDS.join('|')})(,(${COMPANY_KINDS.join('|')}))*$`), `one kind (${COMPANY_KINDS.join(', ')}) or several separated by commas`)
        .transform((value) => [...new Set(value.split(','))] as (typeof COMPANY_KINDS)[number][])
        .optional()
        .openapi({ type: 'string', description: 'One kind, or several separated by commas: `business,private` lists the customers without the website visitors', example: 'business,private' }),
      stage: z.enum(COMPANY_STAGES).optional(),
      sort: z.enum(['newest', 'name', 'activity']).default('newest').openapi({ description: 'newest first, by name, or latest activity first' }),
      active_since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only companies with timeline activity at or after this time' }),
      inactive_since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only companies with no activity since this time' }),
      assigned_to: z.string().max(200).optional().openapi({ description: 'me, none, or an actor (user:<id>)' }),
      ...PageQuery,
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(CompanyOut), next_cursor: z.string().nullable() }), 'A page of companies'),
    ...problems(400, 422),
  },
});

const get = createRoute({
  method: 'get', operationId: 'getCompany', path: '/{id}', tags, summary: 'Get a company',
  request: { params: IdParam },
  responses: { 200: json(CompanyOut, 'The company'), ...problems(404, 422) },
});

const patch = createRoute({
  method: 'patch', operationId: 'updateCompany', path: '/{id}', tags, summary: 'Change fields of a company',
  request: { params: IdParam, ...body(CompanyPatch) },
  responses: { 200: json(CompanyOut, 'The changed company'), ...problems(400, 404, 409, 413, 415, 422) },
});

const remove = createRoute({
  method: 'delete', operationId: 'deleteCompany', path: '/{id}', tags, summary: 'Delete a company and all its data',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(404, 409, 422) },
});

/**
 * Domain and CVR number are unique across every company (they are how the resolver finds a
 * company), so a clash would tell a caller restricted to some companies that a value exists
 * elsewhere. Such a caller may therefore not change them at all, whatever the value: only a
 * credential that sees every company may (docs/adr/0005). Sending the current value is fine.
 */
async function refuseIdentityChange(tx: Tx, id: string, changes: { domain?: string | null | undefined; cvr?: string | null | undefined }): Promise<void> {
  if (changes.domain === undefined && changes.cvr === undefined) return;
  const current = await requireCompany(tx, id);
  const domain = changes.domain === undefined ? current.domain : changes.domain && normalizeDomain(changes.domain);
  const cvr = changes.cvr === undefined ? current.cvr : changes.cvr && normalizeCvr(changes.cvr);
  if ((domain ?? null) !== current.domain || (cvr ?? null) !== current.cvr) {
    throw new CrmError('forbidden', "A credential restricted to specific companies cannot change a company's domain or CVR number (they are unique across all companies)");
  }
}

/** CRUD for companies, mounted at /api/companies. */
export function companyRoutes(options: { blobs?: BlobBackend } = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(create, async (c) => {
    const { principal, requestId } = c.var;
    assertUnrestricted(principal, 'create companies');
    const company = await c.var.scope.run(async (tx) => {
      const row = await createCompany(tx, companyIn(c.req.valid('json')));
      await recordEvent(tx, { companyId: row.id, type: 'company.created', actor: principal.actor });
      await audit(tx, { actor: principal.actor, action: 'company.create', targetType: 'company', targetId: row.id, companyId: row.id, requestId });
      return row;
    });
    c.var.bus.publish('company.created', { companyId: company.id, name: company.name });
    return c.json(companyOut(company), 201);
  });

  app.openapi(list, async (c) => {
    const { q, kind, stage, sort, active_since, inactive_since, assigned_to, limit, cursor } = c.req.valid('query');
    const within = c.var.scope.companyIds;
    const assignedTo = assigned_to === undefined ? undefined : assigned_to === 'none' ? null : assigned_to === 'me' ? c.var.principal.actor : assigned_to;
    const page = await c.var.scope.run((tx) =>
      listCompanies(tx, {
        q, kind, stage, sort, limit, cursor, within, ...(assignedTo !== undefined ? { assignedTo } : {}),
        ...(active_since ? { activeSince: new Date(active_since) } : {}), ...(inactive_since ? { inactiveSince: new Date(inactive_since) } : {}),
      }),
    );
    return c.json({ items: page.items.map(companyOut), next_cursor: page.nextCursor }, 200);
  });

  app.openapi(get, async (c) => {
    const company = await c.var.scope.run((tx) => requireCompany(tx, c.req.valid('param').id));
    return c.json(companyOut(company), 200);
  });

  app.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const { principal, requestId } = c.var;
    const company = await c.var.scope.run(async (tx) => {
      if (principal.companyIds !== 'all') await refuseIdentityChange(tx, id, changes);
      const row = await updateCompany(tx, id, companyIn(changes));
      const details = { fields: Object.keys(changes) };
      await audit(tx, { actor: principal.actor, action: 'company.update', targetType: 'company', targetId: id, companyId: id, requestId, details });
      return row;
    });
    c.var.bus.publish('company.updated', { companyId: id, fields: Object.keys(changes) });
    return c.json(companyOut(company), 200);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    const { principal, requestId } = c.var;
    const files = await c.var.scope.run(async (tx) => {
      const kept = await blobLocationsOf(tx, id);
      const row = await deleteCompany(tx, id);
      await audit(tx, { actor: principal.actor, action: 'company.delete', targetType: 'company', targetId: id, companyId: id, requestId, details: { name: row.name } });
      return kept;
    });
    // The rows went with the company; its files go after the commit (a crash in between leaves
    // unreferenced files, never a row without its file).
    for (const file of files) if (options.blobs?.kind === file.store) await options.blobs.remove(file.location).catch(() => {});
    return c.body(null, 204);
  });

  return app;
}
