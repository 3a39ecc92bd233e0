import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import { CrmError } from '../errors/index.ts';
import { listTimeline, recordEvent } from '../events/store.ts';
import type { AppEnv } from '../http/env.ts';
import { body, IdParam, json, PageQuery, problems } from '../http/schemas.ts';
import { mergeCompanies } from './merge.ts';
import { resolveCvr, resolveDomain, resolveEmail } from './resolver.ts';
import { CompanyOut, companyOut, EventOut, MergeBody, ResolveBody } from './schemas.ts';
import { requireCompany } from './store.ts';

const tags = ['Companies'];

const merge = createRoute({
  method: 'post', operationId: 'mergeCompany', path: '/{id}/merge', tags,
  summary: 'Merge this company into another: every row moves, this company is deleted',
  request: { params: IdParam, ...body(MergeBody) },
  responses: {
    200: json(z.object({ company: CompanyOut, moved: z.record(z.string(), z.number().int()) }), 'The company merged into'),
    ...problems(400, 404, 409, 413, 415, 422),
  },
});

const timeline = createRoute({
  method: 'get', operationId: 'getCompanyTimeline', path: '/{id}/timeline', tags, summary: "A company's events, newest first",
  request: {
    params: IdParam,
    query: z.object({
      type: z.string().max(500).optional().openapi({ description: 'Comma-separated event types' }),
      source: z.string().max(500).optional().openapi({ description: 'Comma-separated sources: the first part of the type (chat, email, note, company, …)' }),
      q: z.string().trim().max(200).optional().openapi({ description: 'Text anywhere in the events' }),
      ...PageQuery,
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(EventOut), next_cursor: z.string().nullable() }), 'A page of events'),
    ...problems(400, 404, 422),
  },
});

const note = createRoute({
  method: 'post', path: '/{id}/notes', operationId: 'addCompanyNote', tags, summary: "Add a note to a company's timeline",
  request: { params: IdParam, ...body(z.strictObject({ text: z.string().trim().min(1, 'is empty').max(10_000) }).openapi('NoteCreate')) },
  responses: { 201: json(EventOut, 'The note, as a timeline event'), ...problems(400, 404, 413, 415, 422) },
});

const resolve = createRoute({
  method: 'post', operationId: 'resolveCompany', path: '/resolve', tags,
  summary: 'Find (or create) the company of an email address, domain or CVR number',
  request: body(ResolveBody),
  responses: {
    200: json(
      z.object({ company: CompanyOut.nullable(), matched_by: z.enum(['contact', 'domain', 'cvr', 'self', 'created']).nullable() }),
      'The company, or null when nothing matched and create was false',
    ),
    ...problems(400, 413, 415, 422),
  },
});

/** Merge, timeline and resolve, mounted next to the company CRUD routes. */
export function companyLinkRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(merge, async (c) => {
    const { id } = c.req.valid('param');
    const { into } = c.req.valid('json');
    const { principal, requestId } = c.var;
    const result = await c.var.scope.run(async (tx) => {
      const merged = await mergeCompanies(tx, id, into, principal.actor);
      await audit(tx, { actor: principal.actor, action: 'company.merge', targetType: 'company', targetId: into, companyId: into, requestId, details: { from: id, moved: merged.moved } });
      return merged;
    });
    c.var.bus.publish('company.merged', { companyId: into, mergedId: id });
    return c.json({ company: companyOut(result.company), moved: result.moved }, 200);
  });

  app.openapi(timeline, async (c) => {
    const { id } = c.req.valid('param');
    const { type, source, q, limit, cursor } = c.req.valid('query');
    const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);
    const page = await c.var.scope.run(async (tx) => {
      await requireCompany(tx, id);
      return listTimeline(tx, id, { limit, cursor, types: list(type), sources: list(source), ...(q ? { text: q } : {}) });
    });
    const items = page.items.map((e) => ({
      id: e.id, company_id: e.companyId, type: e.type, occurred_at: e.occurredAt.toISOString(), actor: e.actor, payload: e.payload,
    }));
    return c.json({ items, next_cursor: page.nextCursor }, 200);
  });

  app.openapi(note, async (c) => {
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const { principal, requestId } = c.var;
    const event = await c.var.scope.run(async (tx) => {
      await requireCompany(tx, id);
      const row = await recordEvent(tx, { companyId: id, type: 'note.added', actor: principal.actor, payload: { text, by: principal.name } });
      await audit(tx, { actor: principal.actor, action: 'note.add', targetType: 'event', targetId: row.id, companyId: id, requestId });
      return row;
    });
    return c.json({ id: event.id, company_id: event.companyId, type: event.type, occurred_at: event.occurredAt.toISOString(), actor: event.actor, payload: event.payload }, 201);
  });

  app.openapi(resolve, async (c) => {
    const { email, domain, cvr, name, create } = c.req.valid('json');
    const { principal, requestId } = c.var;
    if (create && principal.companyIds !== 'all') {
      throw new CrmError('forbidden', 'A credential restricted to specific companies cannot create companies');
    }
    const options = { create, ...(name ? { name } : {}) };
    const found = await c.var.scope.run(async (tx) => {
      const result = email
        ? await resolveEmail(tx, email, options)
        : domain
          ? await resolveDomain(tx, domain, options)
          : await resolveCvr(tx, cvr!, options);
      if (result?.matchedBy === 'created') {
        await audit(tx, { actor: principal.actor, action: 'company.create', targetType: 'company', targetId: result.company.id, companyId: result.company.id, requestId, details: { via: 'resolve' } });
      }
      return result;
    });
    if (found?.matchedBy === 'created') c.var.bus.publish('company.created', { companyId: found.company.id, name: found.company.name });
    if (found?.contact && found.matchedBy !== 'contact') {
      c.var.bus.publish('contact.added', { companyId: found.company.id, contactId: found.contact.id, email: found.contact.email });
    }
    return c.json({ company: found ? companyOut(found.company) : null, matched_by: found?.matchedBy ?? null }, 200);
  });

  return app;
}
