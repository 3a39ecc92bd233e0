import { createRoute, CrmError } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { multipartParts } from '../multipart.ts';
import { CategoryIn, documentOut, problems, UploadForm, UploadOut, json } from '../schemas.ts';
import { type Outcome, storeFile } from '../upload.ts';
import { z } from '../../../plugin-api.js';

const upload = createRoute({
  method: 'post', path: '/', operationId: 'documentsUpload', tags: ['Documents'],
  summary: 'Upload one or more files for a company: streamed to the blob store, typed from their bytes, then read, classified and indexed in the background',
  description:
    'multipart/form-data with `company_id` first, optional `visibility` and `category`, then one or more `file` parts. Each file is at most the size limit ' +
    '(50 MB by default), checked while it streams. The same bytes uploaded again for the company answer with the existing document (`duplicate`). ' +
    'A file of a type the CRM does not read, or whose name says another type, is refused (`refused`, with a problem); when every file is refused the answer is that problem. ' +
    'Follow a document\'s extraction with `GET /api/documents/{id}` (status and progress) or the company\'s timeline events `document.indexed` / `document.failed`.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    201: json(UploadOut, 'At least one new document'), 200: json(UploadOut, 'Every file was already there'),
    ...problems(400, 404, 413, 415, 422),
  },
});

const Fields = z.object({ company_id: z.uuid(), visibility: z.enum(['internal', 'public']).default('internal'), category: CategoryIn.optional() });

/** `POST /api/documents`: multipart upload, file by file, nothing buffered whole. */
export function uploadRoutes(ctx: Ctx): void {
  ctx.routes.openapi(upload, async (c) => {
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Uploading documents needs crm:write');
    const fields: Record<string, string> = {};
    const outcomes: Outcome[] = [];
    let parsed: z.infer<typeof Fields> | undefined;
    for await (const part of multipartParts(c.req.raw, { maxFiles: ctx.config.maxFilesPerUpload, maxFileBytes: ctx.config.maxFileBytes })) {
      if (part.kind === 'field') {
        if (parsed) throw new CrmError('validation_failed', `Send ${part.name} before the files`, { issues: [{ path: part.name, message: 'must come before the files' }] });
        fields[part.name] = part.value;
        continue;
      }
      if (part.field !== 'file') throw new CrmError('validation_failed', `Files go in the field "file", not "${part.field}"`, { issues: [{ path: part.field, message: 'unknown file field' }] });
      parsed ??= parseFields(fields);
      const store = c.var.forCompany(parsed.company_id); // 404 outside the caller's companies
      outcomes.push(
        await storeFile(ctx, store, {
          name: part.filename, stream: part.stream, visibility: parsed.visibility, category: parsed.category ?? null, parentId: null, actor: c.var.caller.actor,
        }),
      );
    }
    if (outcomes.length === 0) {
      parseFields(fields);
      throw new CrmError('validation_failed', 'No file in the upload: send one or more parts named "file"', { issues: [{ path: 'file', message: 'is missing' }] });
    }
    const accepted = outcomes.filter((o) => o.outcome !== 'refused');
    if (accepted.length === 0) {
      const first = outcomes[0]!.problem!;
      const code = first.status === 413 ? 'payload_too_large' : first.status === 415 ? 'unsupported_media_type' : 'validation_failed';
      throw new CrmError(code, outcomes.length === 1 ? first.detail : `No file was accepted. ${outcomes.map((o) => o.problem!.detail).join(' ')}`);
    }
    const items = outcomes.map((o) => ({ name: o.name, outcome: o.outcome, document: o.document ? documentOut(o.document) : null, problem: o.problem }));
    return c.json({ items }, accepted.some((o) => o.outcome === 'created') ? 201 : 200);
  });
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
