import { z } from '../../plugin-api.js';
import { CATEGORIES } from './classify/index.ts';
import type { DocumentRow, SectionRow } from './store.ts';
import { FAILURE_TITLES } from './texts.ts';

const Uuid = z.uuid();
export const IdParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47' }) });
export const CategoryIn = z.enum(CATEGORIES).openapi({ description: 'quote (tilbud), order (ordre), invoice (faktura), credit_note (kreditnota), contract (kontrakt), price_list (prisliste), specification (specifikation), correspondence (korrespondance), other (andet)' });
const CategoryOut = z.enum([...CATEGORIES, 'unsure']);
const Status = z.enum(['queued', 'extracting', 'indexed', 'needs_ocr', 'failed']);
const Type = z.enum(['pdf', 'docx', 'xlsx', 'csv', 'html', 'markdown', 'text', 'eml', 'ubl', 'image']);
const Bilingual = z.object({ da: z.string(), en: z.string() });

export const ProblemOut = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string().optional(), request_id: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('DocumentsProblem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request', 404: 'No such document (or outside the companies this credential may see)', 409: 'Conflict',
  413: 'A file is larger than the limit', 415: 'A file is of a type the CRM does not read, or not what its name says', 422: 'Invalid input',
};

/** The problem answers a route may give, described once. */
export function problems(...statuses: (400 | 404 | 409 | 413 | 415 | 422)[]) {
  return Object.fromEntries(statuses.map((status) => [status, { description: DESCRIPTIONS[status]!, content: { 'application/problem+json': { schema: ProblemOut } } }]));
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

export const DocumentOut = z
  .object({
    id: Uuid, company_id: Uuid, parent_id: Uuid.nullable().openapi({ description: 'The email a file was attached to' }),
    name: z.string().openapi({ description: 'The file name as written (folders and control characters removed)' }),
    title: z.string().nullable(), type: Type.openapi({ description: 'Decided from the bytes, never from the name' }), mime: z.string(),
    size: z.number().int(), sha256: z.string(), visibility: z.enum(['internal', 'public']).openapi({ description: 'public: the chatbot may quote it to website visitors' }),
    status: Status.openapi({ description: 'queued → extracting → indexed; or needs_ocr (scanned, Tesseract missing) / failed (with the reason)' }),
    failure: z.object({ code: z.string(), reason: z.string(), title: Bilingual }).nullable(),
    category: CategoryOut.nullable().openapi({ description: 'null until classified; unsure when the classifier is not confident (see suggested_category)' }),
    suggested_category: z.enum(CATEGORIES).nullable(), category_confidence: z.number().nullable(), category_reason: Bilingual.nullable(),
    category_source: z.enum(['cues', 'model', 'llm', 'staff']).nullable(),
    pages: z.number().int().nullable(), ocr_pages: z.number().int().nullable(), passages: z.number().int().nullable(),
    invoice: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'An e-invoice\'s fields (OIOUBL / Peppol BIS 3): seller, buyer (CVR, EAN), number, dates, lines, totals' }),
    meta: z.record(z.string(), z.unknown()),
    job_id: Uuid.nullable(),
    progress: z.object({ done: z.number().nullable(), total: z.number().nullable(), message: z.string().nullable() }).nullable().openapi({ description: 'While extracting: pages done of pages' }),
    created_at: z.iso.datetime(), updated_at: z.iso.datetime(), indexed_at: z.iso.datetime().nullable(),
  })
  .openapi('Document');
export type DocumentJson = z.infer<typeof DocumentOut>;

export const SectionOut = z
  .object({
    anchor: z.string().openapi({ example: 'page=3' }), label: Bilingual, page: z.number().int().nullable(), sheet: z.string().nullable(),
    text: z.string(), format: z.enum(['text', 'markdown']), ocr: z.boolean(),
  })
  .openapi('DocumentSection');

export const UploadOut = z
  .object({
    items: z.array(
      z.object({
        name: z.string(), outcome: z.enum(['created', 'duplicate', 'refused']).openapi({ description: 'duplicate: the company already had these bytes; document is that one' }),
        document: DocumentOut.nullable(), problem: ProblemOut.nullable(),
      }),
    ),
  })
  .openapi('DocumentUpload');

/**
 * The upload form, described for the OpenAPI document as a plain schema, not a zod one: a zod
 * schema would make the router parse (and buffer) the whole multipart body before the handler
 * runs. The route streams it and checks the fields itself (routes/upload.ts).
 */
export const UploadForm: { type: 'object'; required: string[]; properties: Record<string, { type: 'string' | 'array'; [key: string]: unknown }> } = {
  type: 'object',
  required: ['company_id', 'file'],
  properties: {
    company_id: { type: 'string', format: 'uuid', description: 'Send it before the files' },
    visibility: { type: 'string', enum: ['internal', 'public'], default: 'internal', description: 'public: the chatbot may quote it to website visitors' },
    category: { type: 'string', enum: [...CATEGORIES], description: 'Set by the uploader: skips classification' },
    file: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'One or more files, each at most the size limit (50 MB by default)' },
  },
};

export const Patch = z
  .strictObject({
    category: CategoryIn.optional(), visibility: z.enum(['internal', 'public']).optional(), title: z.string().trim().min(1).max(300).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Send category, visibility or title')
  .openapi('DocumentPatch');

/** A row as the API shows it; `progress` from the job while it runs. */
export function documentOut(row: DocumentRow, progress: DocumentJson['progress'] = null): DocumentJson {
  return {
    id: row.id, company_id: row.company_id, parent_id: row.parent_id, name: row.name, title: row.title, type: row.type, mime: row.mime,
    size: Number(row.size), sha256: row.sha256, visibility: row.visibility, status: row.status,
    failure: row.failure_code ? { code: row.failure_code, reason: row.failure_reason ?? '', title: FAILURE_TITLES[row.failure_code] ?? { da: row.failure_code, en: row.failure_code } } : null,
    category: row.category, suggested_category: row.suggested_category, category_confidence: row.category_confidence, category_reason: row.category_reason,
    category_source: row.category_source, pages: row.pages, ocr_pages: row.ocr_pages, passages: row.passages,
    invoice: (row.invoice as Record<string, unknown> | null) ?? null, meta: row.meta ?? {}, job_id: row.job_id, progress,
    created_at: row.created_at, updated_at: row.updated_at, indexed_at: row.indexed_at,
  };
}

export function sectionOut(row: SectionRow): z.infer<typeof SectionOut> {
  return { anchor: row.anchor, label: row.label, page: row.page, sheet: row.sheet, text: row.text, format: row.format, ocr: row.ocr };
}
