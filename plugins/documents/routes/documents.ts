import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { locations, requireDocument } from '../locate.ts';
import { teach } from '../learning.ts';
import { categoryText } from '../timeline.ts';
import { SOURCE_TYPE } from '../process.ts';
import { body, CategoryIn, DocumentOut, documentOut, IdParam, json, Patch, problems, SectionOut, sectionOut } from '../schemas.ts';
import { childrenOf, deleteDocument, listDocuments, patchDocument, requeue, sectionsOf, type DocumentRow } from '../store.ts';

const tags = ['Documents'];

const list = createRoute({
  method: 'get', path: '/', operationId: 'documentsList', tags, summary: "A company's documents, newest first, filtered by category, status or text",
  request: {
    query: z.object({
      company_id: z.uuid(),
      category: z.enum([...CategoryIn.options, 'unsure']).optional(),
      status: z.enum(['queued', 'extracting', 'indexed', 'needs_ocr', 'failed']).optional(),
      q: z.string().trim().min(1).max(500).optional().openapi({ description: 'Words in the name, title or text (the text through search; hits say on which page)' }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional().openapi({ description: 'next_cursor of the previous page' }),
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(DocumentOut.extend({ matches: z.array(z.object({ anchor: z.string().nullable(), snippet: z.string() })).optional().openapi({ description: 'With q: where the text matched' }) })),
        next_cursor: z.string().nullable(),
      }),
      'A page of documents',
    ),
    ...problems(404, 422),
  },
});
const get = createRoute({
  method: 'get', path: '/{id}', operationId: 'documentsGet', tags, summary: 'A document: metadata, extraction status and progress, category with confidence and reason, e-invoice fields',
  request: { params: IdParam },
  responses: { 200: json(DocumentOut.extend({ children: z.array(DocumentOut) }), 'The document, with the attachments of an email'), ...problems(404, 422) },
});
const text = createRoute({
  method: 'get', path: '/{id}/text', operationId: 'documentsGetText', tags, summary: 'The extracted text by page, sheet or part (what search and citations point into)',
  request: { params: IdParam },
  responses: { 200: json(z.object({ sections: z.array(SectionOut) }), 'In document order'), ...problems(404, 422) },
});
const file = createRoute({
  method: 'get', path: '/{id}/file', operationId: 'documentsDownload', tags, summary: 'The original file, as a download (never shown inline: an uploaded HTML page must not run in the CRM)',
  request: { params: IdParam },
  responses: { 200: { description: 'The bytes', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(404, 422) },
});
const patch = createRoute({
  method: 'patch', path: '/{id}', operationId: 'documentsUpdate', tags, summary: 'Correct the category (the classifier learns from it), or change visibility or title',
  request: { params: IdParam, ...body(Patch) },
  responses: { 200: json(DocumentOut, 'The document'), ...problems(404, 422) },
});
const remove = createRoute({
  method: 'delete', path: '/{id}', operationId: 'documentsDelete', tags, summary: 'Delete a document: its file, its passages, its attachments and the row (the timeline keeps that it was deleted)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(404, 422) },
});
const reprocess = createRoute({
  method: 'post', path: '/{id}/reprocess', operationId: 'documentsReprocess', tags, summary: 'Read a document again (after installing Tesseract for one that needs OCR, or after a failure)',
  request: { params: IdParam },
  responses: { 202: json(DocumentOut, 'Queued'), ...problems(404, 409, 422) },
});

/** Reading, correcting, downloading and deleting documents. */
export function documentRoutes(ctx: Ctx): void {
  const progressOf = async (row: DocumentRow) => {
    if (!row.job_id || (row.status !== 'queued' && row.status !== 'extracting')) return null;
    const job = await ctx.jobs.get(row.job_id);
    return job ? job.progress : null;
  };

  ctx.routes.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const store = c.var.forCompany(query.company_id);
    let matches = new Map<string, { anchor: string | null; snippet: string }[]>();
    if (query.q) {
      const hits = await ctx.search({ query: query.q, companyIds: [query.company_id], sourceTypes: [SOURCE_TYPE], k: 50 });
      matches = new Map();
      // Only passages where the words themselves matched (the snippet marks them); the vector arm
      // alone ranks every passage of the company, which is no filter.
      for (const hit of hits.filter((h) => h.snippet.includes('**'))) matches.set(hit.sourceId, [...(matches.get(hit.sourceId) ?? []), { anchor: hit.anchor, snippet: hit.snippet }]);
    }
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await listDocuments(store, {
      companyId: query.company_id, category: query.category, status: query.status, limit: query.limit + 1, after,
      q: query.q ? { text: query.q, ids: [...matches.keys()] } : undefined,
    });
    const page = rows.slice(0, query.limit);
    const items = await Promise.all(page.map(async (row) => ({ ...documentOut(row, await progressOf(row)), ...(query.q ? { matches: matches.get(row.id) ?? [] } : {}) })));
    const last = page.at(-1);
    return c.json({ items, next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null }, 200);
  });

  ctx.routes.openapi(get, async (c) => {
    const { store, doc } = await requireDocument(ctx.kv, c.var.forCompany, c.var.caller.sees, c.req.valid('param').id);
    const children = await childrenOf(store, doc.id);
    return c.json({ ...documentOut(doc, await progressOf(doc)), children: children.map((child) => documentOut(child)) }, 200);
  });

  ctx.routes.openapi(text, async (c) => {
    const { store, doc } = await requireDocument(ctx.kv, c.var.forCompany, c.var.caller.sees, c.req.valid('param').id);
    return c.json({ sections: (await sectionsOf(store, doc.id)).map(sectionOut) }, 200);
  });

  ctx.routes.openapi(file, async (c) => {
    const { doc } = await requireDocument(ctx.kv, c.var.forCompany, c.var.caller.sees, c.req.valid('param').id);
    const blob = await ctx.blobs.forCompany(doc.company_id).read(doc.blob_key);
    if (!blob) throw new CrmError('not_found', `The file of document ${doc.id} is missing from the blob store`);
    const ascii = doc.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return new Response(blob.stream, {
      status: 200,
      headers: {
        'content-type': doc.mime === 'text/html' || doc.mime.startsWith('image/svg') ? 'application/octet-stream' : doc.mime,
        'content-length': String(blob.size),
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      },
    }) as never;
  });

  ctx.routes.openapi(patch, async (c) => {
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Changing documents needs crm:write');
    const { store, doc } = await requireDocument(ctx.kv, c.var.forCompany, c.var.caller.sees, c.req.valid('param').id);
    const changes = c.req.valid('json');
    const updated = await store.transaction(async (tx) => {
      const row = await patchDocument(tx, doc, changes, c.var.caller.actor);
      if (changes.category && changes.category !== doc.category) {
        await tx.timeline.record({ type: 'document.recategorised', payload: { document_id: doc.id, name: doc.name, from: doc.category, to: changes.category, to_label: categoryText(changes.category) } });
      }
      if (changes.visibility && changes.visibility !== doc.visibility && doc.status === 'indexed') {
        // Passages carry the visibility search filters on: the chatbot must never see an internal one.
        await tx.jobs.enqueue('extract', { documentId: doc.id }, { idempotencyKey: `visibility:${doc.id}:${Date.now()}` });
      }
      return row;
    });
    if (changes.category && changes.category !== doc.category && doc.status === 'indexed') {
      const sections = await sectionsOf(store, doc.id);
      await teach(ctx, { text: sections.map((s) => s.text).join('\n\n'), name: doc.name, type: doc.type, ...(doc.title ? { title: doc.title } : {}), ...(doc.invoice ? { invoice: doc.invoice } : {}) }, changes.category);
    }
    return c.json(documentOut(updated), 200);
  });

  ctx.routes.openapi(remove, async (c) => {
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Deleting documents needs crm:write');
    const { store, doc } = await requireDocument(ctx.kv, c.var.forCompany, c.var.caller.sees, c.req.valid('param').id);
    const family = [...(await childrenOf(store, doc.id)), doc];
    await store.transaction(async (tx) => {
      for (const member of family) await tx.passages.remove({ sourceType: SOURCE_TYPE, sourceId: member.id });
      await deleteDocument(tx, doc.id); // attachments go with it (on delete cascade)
      await tx.timeline.record({ type: 'document.deleted', payload: { document_id: doc.id, name: doc.name, attachments: family.length - 1 } });
    });
    // After the rows: a crash in between leaves an unreferenced file, never a document without its file.
    const blobs = ctx.blobs.forCompany(doc.company_id);
    for (const member of family) {
      await blobs.delete(member.blob_key);
      await locations.forget(ctx.kv, member.id);
    }
    return c.body(null, 204);
  });

  ctx.routes.openapi(reprocess, async (c) => {
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Reprocessing documents needs crm:write');
    const { store, doc } = await requireDocument(ctx.kv, c.var.forCompany, c.var.caller.sees, c.req.valid('param').id);
    if (doc.status === 'queued' || doc.status === 'extracting') throw new CrmError('conflict', 'The document is being read already');
    const row = await store.transaction(async (tx) => {
      const jobId = await tx.jobs.enqueue('extract', { documentId: doc.id }, { idempotencyKey: `reprocess:${doc.id}:${Date.now()}` });
      return requeue(tx, doc.id, jobId);
    });
    return c.json(documentOut(row), 202);
  });
}

function encodeCursor(row: DocumentRow & { cursor_at: string }): string {
  return Buffer.from(JSON.stringify([row.cursor_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt)) && /^[0-9a-f-]{36}$/.test(id)) return { createdAt, id };
  } catch {
    /* below */
  }
  throw new CrmError('validation_failed', 'cursor is not a next_cursor of this list', { issues: [{ path: 'cursor', message: 'is invalid' }] });
}
