import { CrmError } from 'open-crm/plugin';
import { z } from 'zod';
import { blobKey, type Ctx } from './config.ts';
import type { ImportPayload } from './import.ts';

const Upload = z.strictObject({
  file_name: z.string().trim().min(1).max(200),
  /** The file's text. Bigger files need a bigger MAX_BODY_BYTES on the server. */
  csv: z.string().min(1, 'is empty'),
});

interface ImportRow {
  id: string;
  file_name: string;
  status: string;
  rows: number;
  imported: number;
  companies_created: number;
  contacts_created: number;
  contacts_updated: number;
  bad_rows: number;
  problems: { line: number; error: string }[];
  ignored_columns: string[];
  error: string | null;
  job_id: string | null;
  created_at: string;
  finished_at: string | null;
}

/**
 * `POST /api/csv-leads/imports` (upload; answers 202 with the import and its job, whose
 * progress GET /api/jobs/{id} and its events stream show), `GET /api/csv-leads/imports` and
 * `GET /api/csv-leads/imports/{id}` (counts and the bad rows by line number).
 */
export function importRoutes(ctx: Ctx): void {
  ctx.routes.post('/imports', async (c) => {
    const parsed = Upload.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CrmError('validation_failed', `${issue.path.join('.') || 'body'} ${issue.message}`, {
        issues: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
      });
    }
    const self = await ctx.companies.self();
    const owner = c.var.forCompany(self.id);
    const [row] = await owner.sql<{ id: string }>`
      insert into csv_leads_imports (company_id, file_name) values (${self.id}, ${parsed.data.file_name}) returning id`;
    await ctx.blobs.forCompany(self.id).put(blobKey(row!.id), new TextEncoder().encode(parsed.data.csv), { contentType: 'text/csv' });
    const jobId = await ctx.jobs.enqueue<ImportPayload>('import', { importId: row!.id, ownerId: self.id }, { companyId: self.id, idempotencyKey: `csv-leads:${row!.id}` });
    await owner.sql`update csv_leads_imports set job_id = ${jobId} where id = ${row!.id}`;
    return c.json({ id: row!.id, job_id: jobId, status: 'queued' }, 202);
  });

  ctx.routes.get('/imports', async (c) => {
    const self = await ctx.companies.self();
    const rows = await c.var.forCompany(self.id).sql<ImportRow>`select * from csv_leads_imports order by created_at desc limit 50`;
    return c.json({ items: rows });
  });

  ctx.routes.get('/imports/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new CrmError('validation_failed', 'id must be a UUID');
    const self = await ctx.companies.self();
    const [row] = await c.var.forCompany(self.id).sql<ImportRow>`select * from csv_leads_imports where id = ${id}`;
    if (!row) throw new CrmError('not_found', `Import ${id} not found`);
    return c.json(row);
  });
}
