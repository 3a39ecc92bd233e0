/**
 * Every query of the documents plugin, as named functions over a company's store (or one of
 * its transactions), returning typed rows. Nothing else in the plugin writes SQL.
 */
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { Category } from './classify/index.ts';
import type { DetectedType, Extraction, Section } from './extract/types.ts';

/** A store or a transaction of one: anything that runs the plugin's SQL in a company's scope. */
export type Sql = Pick<CompanyStore, 'sql'>;

export type Status = 'queued' | 'extracting' | 'indexed' | 'needs_ocr' | 'failed';
export type CategorySource = 'cues' | 'model' | 'llm' | 'staff';

export interface DocumentRow {
  id: string;
  company_id: string;
  parent_id: string | null;
  name: string;
  title: string | null;
  type: DetectedType['type'];
  mime: string;
  size: string | number;
  sha256: string;
  blob_key: string;
  visibility: 'internal' | 'public';
  status: Status;
  failure_code: string | null;
  failure_reason: string | null;
  category: Category | 'unsure' | null;
  suggested_category: Category | null;
  category_confidence: number | null;
  category_reason: { da: string; en: string } | null;
  category_source: CategorySource | null;
  pages: number | null;
  ocr_pages: number | null;
  passages: number | null;
  invoice: Extraction['invoice'] | null;
  meta: Record<string, unknown>;
  job_id: string | null;
  uploaded_by: string | null;
  created_at: string;
  updated_at: string;
  indexed_at: string | null;
}

export interface SectionRow {
  ordinal: number;
  anchor: string;
  label: { da: string; en: string };
  page: number | null;
  sheet: string | null;
  text: string;
  format: 'text' | 'markdown';
  ocr: boolean;
}

export interface NewDocument {
  id: string;
  companyId: string;
  parentId: string | null;
  name: string;
  type: DetectedType;
  size: number;
  sha256: string;
  blobKey: string;
  visibility: 'internal' | 'public';
  category: Category | null;
  uploadedBy: string;
}

/** Inserts a document, or returns null when the company already has these bytes (the caller then answers with that one). */
export async function insertDocument(sql: Sql, doc: NewDocument): Promise<DocumentRow | null> {
  const [row] = await sql.sql<DocumentRow>`
    insert into documents_files (id, company_id, parent_id, name, type, mime, size, sha256, blob_key, visibility, category, category_source, category_confidence, uploaded_by)
    values (${doc.id}, ${doc.companyId}, ${doc.parentId}, ${doc.name}, ${doc.type.type}, ${doc.type.mime}, ${doc.size}, ${doc.sha256}, ${doc.blobKey},
            ${doc.visibility}, ${doc.category}, ${doc.category ? 'staff' : null}, ${doc.category ? 1 : null}, ${doc.uploadedBy})
    on conflict (company_id, sha256) do nothing
    returning *`;
  return row ?? null;
}

export async function documentBySha(sql: Sql, companyId: string, sha256: string): Promise<DocumentRow | undefined> {
  const [row] = await sql.sql<DocumentRow>`select * from documents_files where company_id = ${companyId} and sha256 = ${sha256}`;
  return row;
}

export async function getDocument(sql: Sql, id: string): Promise<DocumentRow | undefined> {
  const [row] = await sql.sql<DocumentRow>`select * from documents_files where id = ${id}`;
  return row;
}

/** Queues a document to be read again. */
export async function requeue(sql: Sql, id: string, jobId: string): Promise<DocumentRow> {
  const [row] = await sql.sql<DocumentRow>`update documents_files set status = 'queued', job_id = ${jobId}, failure_code = null, failure_reason = null where id = ${id} returning *`;
  return row!;
}

export async function setJob(sql: Sql, id: string, jobId: string): Promise<void> {
  await sql.sql`update documents_files set job_id = ${jobId} where id = ${id}`;
}

export interface ListFilter {
  companyId: string;
  category?: Category | 'unsure' | undefined;
  status?: Status | undefined;
  /** Documents whose name or title holds this, or whose id is in `ids` (from a text search). */
  q?: { text: string; ids: string[] } | undefined;
  limit: number;
  /** Keyset: the created_at and id of the last row of the previous page. */
  after?: { createdAt: string; id: string } | undefined;
}

export async function listDocuments(sql: Sql, filter: ListFilter): Promise<(DocumentRow & { cursor_at: string })[]> {
  const like = filter.q ? `%${filter.q.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  // An array parameter as a Postgres array literal: the SQL template would spread a JS array into a list.
  const ids = `{${(filter.q?.ids ?? []).filter((id) => /^[0-9a-f-]{36}$/.test(id)).join(',')}}`;
  // The cursor's time as Postgres keeps it (microseconds): the ISO strings rows come back with
  // stop at milliseconds, and a page boundary inside one millisecond would skip rows.
  return sql.sql<DocumentRow & { cursor_at: string }>`
    select *, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at from documents_files
    where company_id = ${filter.companyId}
      and (${filter.category ?? null}::text is null or category = ${filter.category ?? null})
      and (${filter.status ?? null}::text is null or status = ${filter.status ?? null})
      and (${like}::text is null or name ilike ${like} or title ilike ${like} or id = any(${ids}::uuid[]))
      and (${filter.after?.createdAt ?? null}::timestamptz is null or (created_at, id) < (${filter.after?.createdAt ?? null}::timestamptz, ${filter.after?.id ?? null}::uuid))
    order by created_at desc, id desc
    limit ${filter.limit}`;
}

export async function childrenOf(sql: Sql, id: string): Promise<DocumentRow[]> {
  return sql.sql<DocumentRow>`select * from documents_files where parent_id = ${id} order by created_at`;
}

export async function markExtracting(sql: Sql, id: string): Promise<void> {
  await sql.sql`update documents_files set status = 'extracting', failure_code = null, failure_reason = null where id = ${id}`;
}

export async function markFailed(sql: Sql, id: string, status: 'failed' | 'needs_ocr', failure: { code: string; reason: string }): Promise<void> {
  await sql.sql`update documents_files set status = ${status}, failure_code = ${failure.code}, failure_reason = ${failure.reason}, passages = 0 where id = ${id}`;
}

export async function replaceSections(sql: Sql, companyId: string, id: string, sections: Section[]): Promise<void> {
  await sql.sql`delete from documents_sections where document_id = ${id}`;
  for (const [ordinal, s] of sections.entries()) {
    await sql.sql`
      insert into documents_sections (company_id, document_id, ordinal, anchor, label, page, sheet, text, format, ocr)
      values (${companyId}, ${id}, ${ordinal}, ${s.anchor}, ${JSON.stringify(s.label)}::jsonb, ${s.page ?? null}, ${s.sheet ?? null}, ${s.text}, ${s.format}, ${s.ocr ?? false})`;
  }
}

export async function sectionsOf(sql: Sql, id: string): Promise<SectionRow[]> {
  return sql.sql<SectionRow>`select ordinal, anchor, label, page, sheet, text, format, ocr from documents_sections where document_id = ${id} order by ordinal`;
}

export interface Indexed {
  title: string | null;
  pages: number | null;
  ocrPages: number | null;
  passages: number;
  invoice: Extraction['invoice'] | null;
  meta: Record<string, unknown>;
  classification: { category: Category | 'unsure'; suggested: Category; confidence: number; reason: { da: string; en: string }; source: CategorySource } | null;
}

/** Marks a document indexed with what extraction found; a category staff set is kept. */
export async function markIndexed(sql: Sql, id: string, done: Indexed): Promise<DocumentRow> {
  const c = done.classification;
  const [row] = await sql.sql<DocumentRow>`
    update documents_files set
      status = 'indexed', failure_code = null, failure_reason = null, indexed_at = now(),
      title = coalesce(title, ${done.title}), pages = ${done.pages}, ocr_pages = ${done.ocrPages}, passages = ${done.passages},
      invoice = ${done.invoice ? JSON.stringify(done.invoice) : null}::jsonb, meta = ${JSON.stringify(done.meta)}::jsonb,
      suggested_category = ${c?.suggested ?? null},
      category = case when category_source = 'staff' then category else ${c?.category ?? null} end,
      category_confidence = case when category_source = 'staff' then category_confidence else ${c?.confidence ?? null} end,
      category_reason = case when category_source = 'staff' then category_reason else ${c ? JSON.stringify(c.reason) : null}::jsonb end,
      category_source = case when category_source = 'staff' then category_source else ${c?.source ?? null} end
    where id = ${id}
    returning *`;
  return row!;
}

export interface Patch {
  title?: string | undefined;
  visibility?: 'internal' | 'public' | undefined;
  category?: Category | undefined;
}

/** Applies staff's changes; a category change is recorded as a correction, in the same transaction. */
export async function patchDocument(sql: Sql, doc: DocumentRow, patch: Patch, actor: string): Promise<DocumentRow> {
  const staffCategory = patch.category !== undefined;
  const [row] = await sql.sql<DocumentRow>`
    update documents_files set
      title = ${patch.title ?? doc.title},
      visibility = ${patch.visibility ?? doc.visibility},
      category = ${patch.category ?? doc.category},
      category_source = ${staffCategory ? 'staff' : doc.category_source},
      category_confidence = ${staffCategory ? 1 : doc.category_confidence},
      category_reason = ${staffCategory ? JSON.stringify({ da: 'Sat af en medarbejder', en: 'Set by staff' }) : doc.category_reason ? JSON.stringify(doc.category_reason) : null}::jsonb
    where id = ${doc.id}
    returning *`;
  if (staffCategory && patch.category !== doc.category) {
    await sql.sql`insert into documents_corrections (company_id, document_id, from_category, to_category, actor)
                  values (${doc.company_id}, ${doc.id}, ${doc.category}, ${patch.category}, ${actor})`;
  }
  return row!;
}

export async function deleteDocument(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.sql`delete from documents_files where id = ${id} returning 1`;
  return rows.length > 0;
}

export async function countCorrections(sql: Sql, companyId: string): Promise<number> {
  const [row] = await sql.sql<{ n: number | string }>`select count(*) as n from documents_corrections where company_id = ${companyId}`;
  return Number(row?.n ?? 0);
}
