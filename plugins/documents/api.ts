import type { CompanyId } from '../../plugin-api.d.ts';
import type { Ctx } from './context.ts';
import type { Status } from './store.ts';
import { storeFile } from './upload.ts';

/** A file another plugin hands over (an email's attachment, a PDF a crawl found). */
export interface HandedFile {
  /** The file name as the sender wrote it (made safe here). */
  name: string;
  data: Uint8Array | AsyncIterable<Uint8Array>;
  /** Default `internal`; `public` files become chatbot knowledge. */
  visibility?: 'internal' | 'public';
  /** Who brought it, e.g. `email` or `website` (shown as the uploader). */
  actor: string;
}

/** What became of a handed file: a document (new or the same bytes again), or refused with the reason. */
export type Handed =
  | { outcome: 'created' | 'duplicate'; documentId: string; status: Status; name: string }
  | { outcome: 'refused'; documentId: null; status: null; name: string; code: string; reason: string };

/**
 * What the documents plugin offers the plugins that use it (`uses: ['documents']`, then
 * `ctx.plugins.api<DocumentsApi>('documents')`): files become documents of a company exactly
 * as uploads do (typed from their bytes, deduplicated, extracted, classified, indexed).
 *
 * @example
 * const documents = ctx.plugins.api<DocumentsApi>('documents');
 * const handed = await documents?.store(companyId, { name: 'tilbud.pdf', data: bytes, actor: 'email' });
 * // { outcome: 'created', documentId: '…', status: 'queued', name: 'tilbud.pdf' }
 */
export interface DocumentsApi {
  store(companyId: CompanyId, file: HandedFile): Promise<Handed>;
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** The documents plugin's {@link DocumentsApi}, bound to its ctx. */
export function documentsApi(ctx: Ctx): DocumentsApi {
  return {
    async store(companyId, file) {
      const stream = file.data instanceof Uint8Array ? once(file.data) : file.data;
      const outcome = await storeFile(ctx, ctx.forCompany(companyId), {
        name: file.name, stream, visibility: file.visibility ?? 'internal', category: null, parentId: null, actor: file.actor,
      });
      if (outcome.outcome === 'refused') {
        const code = outcome.problem.type.replace('urn:crm:problem:', '').replace(/-/g, '_');
        return { outcome: 'refused', documentId: null, status: null, name: outcome.name, code, reason: outcome.problem.detail };
      }
      return { outcome: outcome.outcome, documentId: outcome.document.id, status: outcome.document.status, name: outcome.name };
    },
  };
}
