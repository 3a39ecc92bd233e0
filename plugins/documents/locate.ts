import type { CompanyStore, KeyValueStore } from '../../plugin-api.d.ts';
import { CrmError } from '../../plugin-api.js';
import { type DocumentRow, getDocument } from './store.ts';

/**
 * Which company a document belongs to, by its id alone (routes like `GET /api/documents/{id}`
 * name no company): recorded in the plugin's key-value store when the document is created, and
 * followed through company merges (`merged:<from>` → into), as the chat plugin does for
 * conversations.
 */
export const locations = {
  key: (documentId: string) => `doc:${documentId}`,
  async remember(kv: KeyValueStore, documentId: string, companyId: string): Promise<void> {
    await kv.set(this.key(documentId), companyId);
  },
  async forget(kv: KeyValueStore, documentId: string): Promise<void> {
    await kv.delete(this.key(documentId));
  },
  async companyOf(kv: KeyValueStore, documentId: string): Promise<string | undefined> {
    let companyId = await kv.get<string>(this.key(documentId));
    for (let hops = 0; companyId && hops < 20; hops++) {
      const next = await kv.get<string>(`merged:${companyId}`);
      if (!next) break;
      companyId = next;
    }
    return companyId;
  },
};

/**
 * The document and its company's store, for a caller who may see that company; otherwise 404,
 * the same answer as for an id that does not exist (a caller learns nothing of other companies).
 *
 * @example
 * const { store, doc } = await requireDocument(ctx.kv, c.var.forCompany, c.var.caller.sees, id);
 */
export async function requireDocument(
  kv: KeyValueStore, forCompany: (companyId: string) => CompanyStore, sees: (companyId: string) => boolean, documentId: string,
): Promise<{ store: CompanyStore; doc: DocumentRow }> {
  const companyId = await locations.companyOf(kv, documentId);
  if (companyId && sees(companyId)) {
    const store = forCompany(companyId);
    const doc = await getDocument(store, documentId);
    if (doc) return { store, doc };
  }
  throw new CrmError('not_found', `Document ${documentId} not found`);
}
