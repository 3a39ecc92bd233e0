import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import { filterOrRefuse } from '../events/bus.ts';
import { recordEvent } from '../events/store.ts';
import type { AppEnv } from '../http/env.ts';
import { body, IdParam, json, PageQuery, problems, Uuid } from '../http/schemas.ts';
import { ContactCreate, ContactOut, ContactPatch, contactOut } from './schemas.ts';
import { createContact, deleteContact, listContacts, requireContact, updateContact } from './store.ts';

const tags = ['Contacts'];

const create = createRoute({
  method: 'post', operationId: 'createContact', path: '/', tags, summary: 'Add a contact person to a company',
  request: body(ContactCreate),
  responses: { 201: json(ContactOut, 'The new contact'), ...problems(400, 404, 409, 413, 415, 422) },
});
const list = createRoute({
  method: 'get', operationId: 'listContacts', path: '/', tags, summary: 'List contacts, newest first',
  request: { query: z.object({ company_id: Uuid.optional(), ...PageQuery }) },
  responses: { 200: json(z.object({ items: z.array(ContactOut), next_cursor: z.string().nullable() }), 'A page of contacts'), ...problems(400, 422) },
});
const get = createRoute({
  method: 'get', operationId: 'getContact', path: '/{id}', tags, summary: 'Get a contact',
  request: { params: IdParam },
  responses: { 200: json(ContactOut, 'The contact'), ...problems(404, 422) },
});
const patch = createRoute({
  method: 'patch', operationId: 'updateContact', path: '/{id}', tags, summary: 'Change fields of a contact',
  request: { params: IdParam, ...body(ContactPatch) },
  responses: { 200: json(ContactOut, 'The changed contact'), ...problems(400, 404, 409, 413, 415, 422) },
});
const remove = createRoute({
  method: 'delete', operationId: 'deleteContact', path: '/{id}', tags, summary: 'Delete a contact',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(404, 422) },
});

/** CRUD for contacts, mounted at /api/contacts. */
export function contactRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(create, async (c) => {
    const { principal, requestId } = c.var;
    const { company_id, ...rest } = c.req.valid('json');
    const allowed = await filterOrRefuse(c.var.bus, 'contact.beforeCreate', {
      companyId: company_id, name: rest.name ?? null, email: rest.email ?? null, phone: rest.phone ?? null,
    });
    const contact = await c.var.scope.run(async (tx) => {
      const row = await createContact(tx, { companyId: company_id, ...rest, name: allowed.name, email: allowed.email, phone: allowed.phone });
      await recordEvent(tx, { companyId: company_id, type: 'contact.added', actor: principal.actor, payload: { contact_id: row.id, name: row.name } });
      await audit(tx, { actor: principal.actor, action: 'contact.create', targetType: 'contact', targetId: row.id, companyId: company_id, requestId });
      return row;
    });
    c.var.bus.publish('contact.added', { companyId: company_id, contactId: contact.id, email: contact.email });
    return c.json(contactOut(contact), 201);
  });

  app.openapi(list, async (c) => {
    const { company_id, limit, cursor } = c.req.valid('query');
    const within = c.var.scope.companyIds;
    const page = await c.var.scope.run((tx) => listContacts(tx, { companyId: company_id, limit, cursor, within }));
    return c.json({ items: page.items.map(contactOut), next_cursor: page.nextCursor }, 200);
  });

  app.openapi(get, async (c) => {
    const contact = await c.var.scope.run((tx) => requireContact(tx, c.req.valid('param').id));
    return c.json(contactOut(contact), 200);
  });

  app.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    const { company_id, ...rest } = c.req.valid('json');
    const { principal, requestId } = c.var;
    const contact = await c.var.scope.run(async (tx) => {
      const row = await updateContact(tx, id, { ...rest, ...(company_id ? { companyId: company_id } : {}) });
      await audit(tx, { actor: principal.actor, action: 'contact.update', targetType: 'contact', targetId: id, companyId: row.companyId, requestId, details: { fields: Object.keys(c.req.valid('json')) } });
      return row;
    });
    return c.json(contactOut(contact), 200);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    const { principal, requestId } = c.var;
    await c.var.scope.run(async (tx) => {
      const row = await deleteContact(tx, id);
      await audit(tx, { actor: principal.actor, action: 'contact.delete', targetType: 'contact', targetId: id, companyId: row.companyId, requestId });
    });
    return c.body(null, 204);
  });

  return app;
}
