import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { CompanyStore, Problem } from '../../plugin-api.d.ts';
import { CrmError } from '../../plugin-api.js';
import type { Category } from './classify/index.ts';
import type { Ctx } from './context.ts';
import { detectType } from './detect.ts';
import { locations } from './locate.ts';
import { safeFileName } from './names.ts';
import { type DocumentRow, documentBySha, insertDocument, setJob } from './store.ts';

/** What became of one uploaded file. */
export type Outcome =
  | { name: string; outcome: 'created' | 'duplicate'; document: DocumentRow; problem: null }
  | { name: string; outcome: 'refused'; document: null; problem: Problem };

export interface IncomingFile {
  /** As the client sent it; made safe here. */
  name: string | undefined;
  stream: AsyncIterable<Uint8Array>;
  visibility: 'internal' | 'public';
  category: Category | null;
  parentId: string | null;
  actor: string;
}

/**
 * Stores one file as a document of the company: streamed into the blob store (hashed and
 * size-limited on the way), its type decided from its bytes, then the row and its extraction
 * job in one transaction. The same bytes a second time are the existing document (the new copy
 * is removed); a file whose type we don't read, or whose name says another type, is refused
 * and nothing of it is kept.
 *
 * @example
 * const result = await storeFile(ctx, ctx.forCompany(companyId), { name: 'Tilbud.pdf', stream, visibility: 'internal', category: null, parentId: null, actor });
 */
export async function storeFile(ctx: Ctx, store: CompanyStore, file: IncomingFile): Promise<Outcome> {
  const name = safeFileName(file.name);
  const id = randomUUID();
  const blobKey = `${id}/${name}`;
  const blobs = ctx.blobs.forCompany(store.companyId);
  let written: Awaited<ReturnType<typeof blobs.write>>;
  try {
    written = await blobs.write(blobKey, file.stream, { maxBytes: ctx.config.maxFileBytes, signal: ctx.shutdown });
  } catch (error) {
    if (error instanceof CrmError && error.code === 'payload_too_large') {
      return refused(name, error.status, 'payload_too_large', `${name}: the file is larger than the limit of ${Math.round(ctx.config.maxFileBytes / 1024 / 1024)} MB`);
    }
    throw error;
  }
  try {
    const opened = await blobs.read(blobKey);
    if (!opened) throw new CrmError('unavailable', 'The uploaded file vanished from the blob store');
    // A Node stream, so that the file is closed (destroy) however far detection read into it.
    const head = Readable.fromWeb(opened.stream as never);
    const type = await detectType(head, name, written.head).finally(() => head.destroy());
    if ('code' in type) {
      await blobs.delete(blobKey);
      return refused(name, 415, 'unsupported_media_type', `${name}: ${type.reason}`);
    }
    if (written.size === 0) {
      await blobs.delete(blobKey);
      return refused(name, 422, 'validation_failed', `${name}: the file is empty`);
    }
    // Before the row exists: a document is never without its company's address (a stray address is harmless).
    await locations.remember(ctx.kv, id, store.companyId);
    const created = await store.transaction(async (tx) => {
      const row = await insertDocument(tx, {
        id, companyId: store.companyId, parentId: file.parentId, name, type, size: written.size, sha256: written.sha256, blobKey,
        visibility: file.visibility, category: file.category, uploadedBy: file.actor,
      });
      if (!row) return null;
      const jobId = await tx.jobs.enqueue('extract', { documentId: id }, { idempotencyKey: `extract:${id}` });
      await setJob(tx, id, jobId);
      await tx.timeline.record({ type: 'document.uploaded', payload: { document_id: id, name, size: written.size, type: type.type, ...(file.parentId ? { parent_id: file.parentId } : {}) } });
      return { ...row, job_id: jobId };
    });
    if (created) return { name, outcome: 'created', document: created, problem: null };
    await Promise.all([blobs.delete(blobKey), locations.forget(ctx.kv, id)]);
    const existing = await documentBySha(store, store.companyId, written.sha256);
    if (!existing) throw new CrmError('conflict', `${name}: the same file is being deleted right now; upload it again`);
    return { name, outcome: 'duplicate', document: existing, problem: null };
  } catch (error) {
    await blobs.delete(blobKey).catch(() => {});
    throw error;
  }
}

const TITLES: Record<string, string> = {
  payload_too_large: 'Payload too large', unsupported_media_type: 'Unsupported media type', validation_failed: 'Validation failed',
};

function refused(name: string, status: number, code: string, detail: string): Outcome {
  return { name, outcome: 'refused', document: null, problem: { type: `urn:crm:problem:${code.replace(/_/g, '-')}`, title: TITLES[code] ?? code, status, detail } };
}
