import { randomUUID } from 'node:crypto';
import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { isMbox } from '../mbox.ts';
import { IdParam, ImportOut, json, problems } from '../schemas.ts';
import { getImport, type ImportRow, insertImport, setImportJob } from '../store.ts';
import { followJob, wantsStream } from './job-stream.ts';

const tags = ['Email: import'];
const TYPES = ['application/mbox', 'message/rfc822', 'application/octet-stream'] as const;
const file = z.string().openapi({ format: 'binary' });

const start = createRoute({
  method: 'post', path: '/import', operationId: 'emailImport', tags,
  summary: 'Import a mailbox: the raw body is an .mbox or one .eml, streamed to storage and read by a job (deduplicated against everything already there). JSON: 202 with the import; with Accept: text/event-stream, its progress: queued, progress ({ done, total } in bytes), done',
  request: {
    query: z.object({ name: z.string().trim().min(1).max(255).optional().openapi({ description: 'The file name, shown in the summary' }) }),
    body: { required: true, content: Object.fromEntries(TYPES.map((t) => [t, { schema: file }])) },
  },
  responses: {
    202: { description: 'Queued (or, with Accept: text/event-stream, the progress stream)', content: { 'application/json': { schema: ImportOut }, 'text/event-stream': { schema: z.string().openapi({ description: 'Server-Sent Events: queued, progress, done' }) } } },
    ...problems(403, 404, 413, 415, 422),
  },
});
const get = createRoute({
  method: 'get', path: '/imports/{id}', operationId: 'emailGetImport', tags, summary: 'An import: status, bytes read, and how many messages were stored, duplicates, skipped (with reasons) and failed',
  request: { params: IdParam },
  responses: { 200: json(ImportOut, 'The import'), ...problems(404, 422) },
});

/** An import as the API shows it. */
export function importOut(row: ImportRow): z.infer<typeof ImportOut> {
  return {
    id: row.id, name: row.name, format: row.format, size: Number(row.size), job_id: row.job_id, status: row.status, bytes_done: Number(row.offset_done),
    messages: row.messages, stored: row.stored, duplicates: row.duplicates, skipped: row.skipped, failed: row.failed,
    skipped_reasons: row.skipped_reasons, failures: row.failures, error: row.error, created_at: row.created_at, finished_at: row.finished_at,
  };
}

/** Mailbox imports: they run as the own company (mail is placed on each message's company), so they need admin. */
export function importRoutes(ctx: Ctx): void {
  ctx.routes.openapi(start, async (c) => {
    const self = await ctx.companies.self();
    const store = c.var.forCompany(self.id);
    if (!c.var.caller.may('admin')) throw new CrmError('forbidden', 'Importing mail needs the admin scope (messages go to every company they concern)');
    const id = randomUUID();
    const name = (c.req.valid('query').name ?? 'mailbox').replace(/[\u0000-\u001f\u007f/\\]/g, '_');
    const blobKey = `imports/${id}`;
    const blobs = ctx.blobs.forCompany(self.id);
    if (!c.req.raw.body) throw new CrmError('validation_failed', 'Send the mailbox file as the request body');
    const written = await blobs.write(blobKey, c.req.raw.body, { maxBytes: ctx.config.maxImportBytes, signal: ctx.shutdown });
    if (written.size === 0) {
      await blobs.delete(blobKey);
      throw new CrmError('validation_failed', 'The file is empty');
    }
    const format = isMbox(written.head) ? 'mbox' : looksLikeEmail(written.head) ? 'eml' : null;
    if (!format) {
      await blobs.delete(blobKey);
      throw new CrmError('unsupported_media_type', `${name} is neither an mbox mailbox (starting with a "From " line) nor an email (headers first)`);
    }
    const row = await store.transaction(async (tx) => {
      const created = await insertImport(tx, { id, companyId: self.id, name, format, size: written.size, blobKey, createdBy: c.var.caller.actor });
      const jobId = await tx.jobs.enqueue('import', { importId: id }, { idempotencyKey: `import:${id}` });
      await setImportJob(tx, id, jobId);
      return { ...created, job_id: jobId };
    });
    if (wantsStream(c)) return followJob(c, ctx.jobs, row.job_id, { event: 'queued', data: importOut(row) }, ctx.shutdown) as never;
    return c.json(importOut(row), 202);
  });

  ctx.routes.openapi(get, async (c) => {
    const self = await ctx.companies.self();
    const row = await getImport(c.var.forCompany(self.id), c.req.valid('param').id);
    if (!row) throw new CrmError('not_found', `Import ${c.req.valid('param').id} not found`);
    return c.json(importOut(row), 200);
  });
}

/** An email starts with header lines (`Name: value`). */
function looksLikeEmail(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString('latin1');
  return /^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){2,}/.test(text);
}
