import { createRoute, CrmError, z } from 'open-crm/plugin';
import { blobKey, type Ctx } from './config.ts';
import type { ImportPayload } from './import.ts';

const tags = ['CSV leads'];

const Upload = z
  .strictObject({
    file_name: z.string().trim().min(1).max(200),
    /** The file's text. Bigger files need a bigger MAX_BODY_BYTES on the server. */
    csv: z.string().min(1, 'is empty'),
  })
  .openapi('CsvLeadsUpload');

const Problem = z.object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string() }).openapi('CsvLeadsProblem');
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

const ImportOut = z
  .object({
    id: z.uuid(),
    file_name: z.string(),
    status: z.string().openapi({ description: 'queued, running, done or failed' }),
    rows: z.number().int(),
    imported: z.number().int(),
    companies_created: z.number().int(),
    contacts_created: z.number().int(),
    contacts_updated: z.number().int(),
    bad_rows: z.number().int(),
    problems: z.array(z.object({ line: z.number().int(), error: z.string() })),
    ignored_columns: z.array(z.string()),
    error: z.string().nullable(),
    job_id: z.string().nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
    finished_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('CsvLeadsImport');

const upload = createRoute({
  method: 'post', path: '/imports', operationId: 'csvLeadsUpload', tags, summary: 'Upload a CSV file of leads; a job imports it',
  request: { body: { required: true, content: { 'application/json': { schema: Upload } } } },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: z.object({ id: z.uuid(), job_id: z.string(), status: z.literal('queued') }) } } },
    422: problem('Validation failed'),
  },
});
const list = createRoute({
  method: 'get', path: '/imports', operationId: 'csvLeadsListImports', tags, summary: 'The latest imports, newest first',
  responses: { 200: { description: 'Imports', content: { 'application/json': { schema: z.object({ items: z.array(ImportOut) }) } } }, 404: problem('Not found') },
});
const get = createRoute({
  method: 'get', path: '/imports/{id}', operationId: 'csvLeadsGetImport', tags, summary: 'An import: its counts and the bad rows by line',
  request: { params: z.object({ id: z.uuid({ message: 'must be a UUID' }) }) },
  responses: { 200: { description: 'The import', content: { 'application/json': { schema: ImportOut } } }, 404: problem('Not found'), 422: problem('Invalid id') },
});

/**
 * `POST /api/csv-leads/imports` (upload; answers 202 with the import and its job, whose
 * progress GET /api/jobs/{id} and its events stream show), `GET /api/csv-leads/imports` and
 * `GET /api/csv-leads/imports/{id}` (counts and the bad rows by line number). Declared with
 * `createRoute`, so they are validated and appear in the CRM's /openapi.json.
 */
export function importRoutes(ctx: Ctx): void {
  ctx.routes.openapi(upload, async (c) => {
    const input = c.req.valid('json');
    const self = await ctx.companies.self();
    const owner = c.var.forCompany(self.id);
    const [row] = await owner.sql<{ id: string }>`
      insert into csv_leads_imports (company_id, file_name) values (${self.id}, ${input.file_name}) returning id`;
    await ctx.blobs.forCompany(self.id).put(blobKey(row!.id), new TextEncoder().encode(input.csv), { contentType: 'text/csv' });
    const jobId = await ctx.jobs.enqueue<ImportPayload>('import', { importId: row!.id, ownerId: self.id }, { companyId: self.id, idempotencyKey: `csv-leads:${row!.id}` });
    await owner.sql`update csv_leads_imports set job_id = ${jobId} where id = ${row!.id}`;
    return c.json({ id: row!.id, job_id: jobId, status: 'queued' as const }, 202);
  });

  ctx.routes.openapi(list, async (c) => {
    const self = await ctx.companies.self();
    const rows = await c.var.forCompany(self.id).sql<z.infer<typeof ImportOut>>`select * from csv_leads_imports order by created_at desc limit 50`;
    return c.json({ items: rows }, 200);
  });

  ctx.routes.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const self = await ctx.companies.self();
    const [row] = await c.var.forCompany(self.id).sql<z.infer<typeof ImportOut>>`select * from csv_leads_imports where id = ${id}`;
    if (!row) throw new CrmError('not_found', `Import ${id} not found`);
    return c.json(row, 200);
  });
}
