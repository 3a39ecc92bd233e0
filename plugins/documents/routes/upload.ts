import { streamSSE } from 'hono/streaming';
import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Caller, CompanyStore } from '../../../plugin-api.d.ts';
import type { Ctx } from '../context.ts';
import { multipartParts } from '../multipart.ts';
import { CategoryIn, documentOut, json, problems, UploadForm, UploadOut } from '../schemas.ts';
import { type Outcome, storeFile } from '../upload.ts';

const upload = createRoute({
  method: 'post', path: '/', operationId: 'documentsUpload', tags: ['Documents'],
  summary: 'Upload one or more files for a company: streamed to the blob store, typed from their bytes, then read, classified and indexed in the background',
  description:
    'multipart/form-data with `company_id` first, optional `visibility` and `category`, then one or more `file` parts. Each file is at most the size limit ' +
    '(50 MB by default), checked while it streams. The same bytes uploaded again for the company answer with the existing document (`duplicate`). ' +
    'A file of a type the CRM does not read, or whose name says another type, is refused (`refused`, with a problem); when every file is refused the answer is that problem. ' +
    'With `Accept: text/event-stream` the answer is a stream while the body arrives: `file` ({ index, name }) as each file begins, `progress` ({ index, name, bytes }) ' +
    'about every megabyte, `stored` (one item as in the JSON answer) as each file is done, then `done` ({ items }), or `error` (a problem). ' +
    'Follow a document\'s reading with `GET /api/documents/{id}` (status and progress), `GET /api/jobs/{job_id}` (also as an event stream) or the company\'s timeline events `document.indexed` / `document.failed`.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    201: { description: 'At least one new document (or, with Accept: text/event-stream, the progress stream)', content: { 'application/json': { schema: UploadOut }, 'text/event-stream': { schema: z.string().openapi({ description: 'Server-Sent Events: file, progress, stored, done, error' }) } } },
    200: json(UploadOut, 'Every file was already there'),
    ...problems(400, 404, 413, 415, 422),
  },
});

const Fields = z.object({ company_id: z.uuid(), visibility: z.enum(['internal', 'public']).default('internal'), category: CategoryIn.optional() });

/** What the stream tells while an upload arrives. */
type Progress =
  | { event: 'file'; index: number; name: string }
  | { event: 'progress'; index: number; name: string; bytes: number }
  | { event: 'stored'; item: ReturnType<typeof itemOf> };

const PROGRESS_EVERY = 1024 * 1024;

/** `POST /api/documents`: multipart upload, file by file, nothing buffered whole; progress as events on request. */
export function uploadRoutes(ctx: Ctx): void {
  ctx.routes.openapi(upload, async (c) => {
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Uploading documents needs crm:write');
    const receive = (report?: (p: Progress) => Promise<void>) => receiveFiles(ctx, c.req.raw, c.var.caller, c.var.forCompany, report);
    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
      const { outcomes, status } = settle(await receive());
      return c.json({ items: outcomes.map(itemOf) }, status);
    }
    return streamSSE(
      c,
      async (stream) => {
        const outcomes = await receive(async (p) => {
          const { event, ...data } = p;
          await stream.writeSSE({ event, data: JSON.stringify(event === 'stored' ? p.item : data) });
        });
        await stream.writeSSE({ event: 'done', data: JSON.stringify({ items: outcomes.map(itemOf) }) });
      },
      async (error, stream) => {
        const problem = error instanceof CrmError
          ? { type: `urn:crm:problem:${error.code.replace(/_/g, '-')}`, title: error.code[0]!.toUpperCase() + error.code.slice(1).replace(/_/g, ' '), status: error.status, detail: error.message }
          : { type: 'urn:crm:problem:internal', title: 'Internal server error', status: 500, detail: 'The upload could not be finished' };
        if (!(error instanceof CrmError)) ctx.logger.error({ err: error }, 'upload failed');
        await stream.writeSSE({ event: 'error', data: JSON.stringify(problem) });
      },
    ) as never;
  });
}

/** Reads the form part by part: the fields first, then each file straight into the blob store. */
async function receiveFiles(
  ctx: Ctx, request: Request, caller: Caller, forCompany: (companyId: string) => CompanyStore, report?: (p: Progress) => Promise<void>,
): Promise<Outcome[]> {
  const fields: Record<string, string> = {};
  const outcomes: Outcome[] = [];
  let parsed: z.infer<typeof Fields> | undefined;
  for await (const part of multipartParts(request, { maxFiles: ctx.config.maxFilesPerUpload, maxFileBytes: ctx.config.maxFileBytes })) {
    if (part.kind === 'field') {
      if (parsed) throw new CrmError('validation_failed', `Send ${part.name} before the files`, { issues: [{ path: part.name, message: 'must come before the files' }] });
      fields[part.name] = part.value;
      continue;
    }
    if (part.field !== 'file') throw new CrmError('validation_failed', `Files go in the field "file", not "${part.field}"`, { issues: [{ path: part.field, message: 'unknown file field' }] });
    parsed ??= parseFields(fields);
    const store = forCompany(parsed.company_id); // 404 outside the caller's companies
    const index = outcomes.length;
    const name = part.filename ?? 'dokument';
    await report?.({ event: 'file', index, name });
    const outcome = await storeFile(ctx, store, {
      name: part.filename, stream: report ? counted(part.stream, (bytes) => report({ event: 'progress', index, name, bytes })) : part.stream,
      visibility: parsed.visibility, category: parsed.category ?? null, parentId: null, actor: caller.actor,
    });
    outcomes.push(outcome);
    await report?.({ event: 'stored', item: itemOf(outcome) });
  }
  if (outcomes.length === 0) {
    parseFields(fields);
    throw new CrmError('validation_failed', 'No file in the upload: send one or more parts named "file"', { issues: [{ path: 'file', message: 'is missing' }] });
  }
  return outcomes;
}

/** The answer of a whole upload: 201 with something new, 200 when all were there, the problem when none was accepted. */
function settle(outcomes: Outcome[]): { outcomes: Outcome[]; status: 200 | 201 } {
  const accepted = outcomes.filter((o) => o.outcome !== 'refused');
  if (accepted.length === 0) {
    const first = outcomes[0]!.problem!;
    const code = first.status === 413 ? 'payload_too_large' : first.status === 415 ? 'unsupported_media_type' : 'validation_failed';
    throw new CrmError(code, outcomes.length === 1 ? first.detail : `No file was accepted. ${outcomes.map((o) => o.problem!.detail).join(' ')}`);
  }
  return { outcomes, status: accepted.some((o) => o.outcome === 'created') ? 201 : 200 };
}

function itemOf(o: Outcome) {
  return { name: o.name, outcome: o.outcome, document: o.document ? documentOut(o.document) : null, problem: o.problem };
}

/** Passes the bytes on, telling how many have come about every megabyte. */
async function* counted(source: AsyncIterable<Uint8Array>, tell: (bytes: number) => Promise<void>): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  let told = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes - told >= PROGRESS_EVERY) {
      told = bytes;
      await tell(bytes);
    }
    yield chunk;
  }
  if (bytes !== told) await tell(bytes);
}

function parseFields(fields: Record<string, string>): z.infer<typeof Fields> {
  const result = Fields.safeParse(fields);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = String(issue.path[0] ?? 'company_id');
    throw new CrmError('validation_failed', `${path}: ${issue.message}${path === 'company_id' && !fields.company_id ? ' (send company_id before the files)' : ''}`, {
      issues: result.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })),
    });
  }
  return result.data;
}
