import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import { recordEvent } from '../events/store.ts';
import type { AppEnv } from '../http/env.ts';
import { Attributes, body, IdParam, json, PageQuery, problems, Timestamp, Uuid } from '../http/schemas.ts';
import { type Contact, createContact, deleteContact, listContacts, requireContact, updateContact } from './store.ts';

const tags = ['Contacts'];

const ContactOut = z
  .object({
    id: z.uuid(),
    company_id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Contact');

const fields = {
  company_id: Uuid,
  name: z.string().trim().min(1).max(300).nullable().openapi({ example: 'Mette Jensen' }),
  email: z.email({ message: 'must be an email address' }).max(320).nullable().openapi({ example: 'mette@jensens-vvs.dk' }),
  phone: z.string().trim().min(3).max(50).regex(/^[+()\d\s.-]+$/, 'must be a phone number').nullable().openapi({ example: '+45 12 34 56 78' }),
  role: z.string().trim().max(200).nullable().openapi({ example: 'Indkøbschef' }),
  attributes: Attributes,
};
const ContactCreate = z.strictObject(fields).partial({ name: true, email: true, phone: true, role: true, attributes: true }).openapi('ContactCreate');
const ContactPatch = z.strictObject(fields).partial().openapi('ContactPatch');

const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Add a contact person to a company',
  request: body(ContactCreate),
  responses: { 201: json(ContactOut, 'The new contact'), ...problems(400, 404, 409, 413, 415, 422) },
});
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'List contacts, newest first',
  request: { query: z.object({ company_id: Uuid.optional(), ...PageQuery }) },
  responses: { 200: json(z.object({ items: z.array(ContactOut), next_cursor: z.string().nullable() }), 'A page of contacts'), ...problems(400, 422) },
});
const get = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'Get a contact',
  request: { params: IdParam },
  responses: { 200: json(ContactOut, 'The contact'), ...problems(404, 422) },
});
const patch = createRoute({
  method: 'patch', path: '/{id}', tags, summary: 'Change fields of a contact',
  request: { params: IdParam, ...body(ContactPatch) },
  responses: { 200: json(ContactOut, 'The changed contact'), ...problems(400, 404, 409, 413, 415, 422) },
});
const remove = createRoute({
  method: 'delete', path: '/{id}', tags, summary: 'Delete a contact',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(404, 422) },
});

/** CRUD for contacts, mounted at /api/contacts. */
export function contactRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(create, async (c) => {
    const { principal, requestId } = c.var;
    const { company_id, ...rest } = c.req.valid('json');
    const contact = await c.var.scope.run(async (tx) => {
      const row = await createContact(tx, { companyId: company_id, ...rest });
      await recordEvent(tx, { companyId: company_id, type: 'contact.added', actor: principal.actor, payload: { contact_id: row.id, name: row.name } });
      await audit(tx, { actor: principal.actor, action: 'contact.create', targetType: 'contact', targetId: row.id, companyId: company_id, requestId });
      return row;
    });
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

function contactOut(contact: Contact): z.infer<typeof ContactOut> {
  return {
    id: contact.id,
    company_id: contact.companyId,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    role: contact.role,
    attributes: contact.attributes,
    created_at: contact.createdAt.toISOString(),
    updated_at: contact.updatedAt.toISOString(),
  };
}
