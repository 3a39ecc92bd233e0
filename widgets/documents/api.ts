/**
 * The documents plugin's API (`/api/documents`) from the widget: its types, JSON calls through
 * the kit client's sign-in, the download as bytes, and the upload of one file by
 * XMLHttpRequest (fetch has no upload progress). Errors are the kit's `CrmApiError` with the
 * server's problem+json.
 */
import { CrmApiError, type CrmClient } from '../kit/client.ts';
import { request } from '../kit/request.ts';

export const CATEGORIES = ['quote', 'order', 'invoice', 'credit_note', 'contract', 'price_list', 'specification', 'correspondence', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATUSES = ['queued', 'extracting', 'indexed', 'needs_ocr', 'failed'] as const;
export type DocumentStatus = (typeof STATUSES)[number];
export type Visibility = 'internal' | 'public';

export interface CrmDocument {
  id: string;
  company_id: string;
  parent_id: string | null;
  name: string;
  title: string | null;
  type: 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html' | 'markdown' | 'text' | 'eml' | 'ubl' | 'image';
  mime: string;
  size: number;
  sha256: string;
  visibility: Visibility;
  status: DocumentStatus;
  failure: { code: string; reason: string } | null;
  category: Category | 'unsure' | null;
  suggested_category: Category | null;
  category_confidence: number | null;
  category_reason: { da: string; en: string } | null;
  category_source: 'cues' | 'model' | 'llm' | 'staff' | null;
  pages: number | null;
  ocr_pages: number | null;
  passages: number | null;
  invoice: Record<string, unknown> | null;
  job_id: string | null;
  progress: { done: number | null; total: number | null; message: string | null } | null;
  created_at: string;
  updated_at: string;
  indexed_at: string | null;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  [k: string]: unknown;
}

export interface UploadAnswer {
  items: { name: string; outcome: 'created' | 'duplicate' | 'refused'; document: CrmDocument | null; problem: Problem | null }[];
}

export interface TextSection {
  anchor: string;
  label: { da: string; en: string };
  page: number | null;
  sheet: string | null;
  text: string;
  ocr: boolean;
}

export interface DocumentFilters {
  category?: string;
  status?: string;
  q?: string;
}

/** A document that is still being read: its status changes without anyone touching it. */
export function inProgress(doc: Pick<CrmDocument, 'status'>): boolean {
  return doc.status === 'queued' || doc.status === 'extracting';
}

const json = async <T>(res: Response): Promise<T> => (res.status === 204 ? (null as T) : ((await res.json()) as T));
const at = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export async function listDocuments(client: CrmClient, companyId: string, filters: DocumentFilters, cursor?: string | null): Promise<{ items: CrmDocument[]; next_cursor: string | null }> {
  const query = new URLSearchParams({ company_id: companyId, limit: '50' });
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  if (cursor) query.set('cursor', cursor);
  return json(await request(client, 'GET', `/api/documents?${query}`));
}

export async function getDocument(client: CrmClient, id: string): Promise<CrmDocument> {
  return json(await request(client, 'GET', at(id)));
}

export async function patchDocument(client: CrmClient, id: string, changes: { category?: Category; visibility?: Visibility; title?: string }): Promise<CrmDocument> {
  return json(await request(client, 'PATCH', at(id), changes));
}

export async function deleteDocument(client: CrmClient, id: string): Promise<void> {
  await request(client, 'DELETE', at(id));
}

export async function documentText(client: CrmClient, id: string): Promise<TextSection[]> {
  return (await json<{ sections: TextSection[] }>(await request(client, 'GET', `${at(id)}/text`))).sections;
}

/** The file's bytes (an `<a download>` to the API would not carry the bearer token). */
export async function documentFile(client: CrmClient, id: string): Promise<Blob> {
  return (await request(client, 'GET', `${at(id)}/file`, undefined, '*/*')).blob();
}

export interface UploadOptions {
  companyId: string;
  visibility?: Visibility;
  category?: Category;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one file (`POST /api/documents`, multipart: company_id first, then the options, then
 * the file), reporting the bytes sent. Resolves with the answer; rejects with CrmApiError (the
 * whole answer is the problem when the one file is refused; status 0 when the network fails).
 */
export async function uploadFile(client: CrmClient, file: File, options: UploadOptions): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('company_id', options.companyId);
  if (options.visibility) form.append('visibility', options.visibility);
  if (options.category) form.append('category', options.category);
  form.append('file', file, file.name);
  const attempt = async (fresh: boolean) => {
    const bearer = await client.token(fresh);
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${client.apiBase}/api/documents`);
      xhr.setRequestHeader('accept', 'application/json');
      if (bearer) xhr.setRequestHeader('authorization', `Bearer ${bearer}`);
      xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.onerror = () => reject(new CrmApiError(0, { title: 'Network error', detail: 'The upload was interrupted.' }));
      xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  };
  let res = await attempt(false);
  if (res.status === 401) res = await attempt(true);
  let body: unknown = null;
  try {
    body = JSON.parse(res.text);
  } catch {
    // not JSON
  }
  if (res.status < 200 || res.status >= 300) throw new CrmApiError(res.status, (body as Problem | null) ?? { title: `HTTP ${res.status}` });
  return body as UploadAnswer;
}
