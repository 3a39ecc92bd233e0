import type { CompanyStore, JobRun } from 'open-crm/plugin';
import { mapHeader } from './columns.ts';
import { blobKey, type Ctx } from './config.ts';
import { CsvError, detectDelimiter, parseCsv } from './csv.ts';
import { decodeChunks } from './decode.ts';
import { type Lead, readLead } from './row.ts';

export interface ImportPayload {
  importId: string;
  /** The own company, which owns the upload and the import row. */
  ownerId: string;
}

interface Tally {
  rows: number;
  imported: number;
  companiesCreated: number;
  contactsCreated: number;
  contactsUpdated: number;
  badRows: number;
  problems: { line: number; error: string }[];
}

/** Rows written together: each company's contacts in a batch go in one transaction. */
const BATCH_ROWS = 250;

interface Pending {
  line: number;
  lead: Lead;
}

/**
 * The `import` job: reads the uploaded CSV record by record, validates each row, resolves
 * its company (found by CVR, domain, email or name, else created) and adds or completes its
 * contact. A bad row is counted and kept with its line number; it never stops the import.
 * Progress is reported as bytes read. Running it again is harmless: every write is an upsert.
 * Valid rows are written in batches (a transaction per company per batch, not per row: on the
 * embedded database a row's own transaction costs more than its insert).
 */
export function importJob(ctx: Ctx) {
  return async (payload: ImportPayload, job: JobRun) => {
    const owner = ctx.forCompany(payload.ownerId);
    const blob = await ctx.blobs.forCompany(payload.ownerId).get(blobKey(payload.importId));
    if (!blob) return finish(owner, payload.importId, null, 'The uploaded file is gone; upload it again');
    await owner.sql`update csv_leads_imports set status = 'running', job_id = ${job.jobId} where id = ${payload.importId}`;

    const tally: Tally = { rows: 0, imported: 0, companiesCreated: 0, contactsCreated: 0, contactsUpdated: 0, badRows: 0, problems: [] };
    const companies = new Map<string, string>();
    const total = blob.size;
    let read = 0;
    const chunks = (function* () {
      for (const text of decodeChunks(blob.data)) {
        read += Buffer.byteLength(text);
        yield text;
      }
    })();
    const first = chunks.next();
    const head = first.done ? '' : first.value;
    const delimiter = ctx.config.delimiter ?? detectDelimiter(head.split(/\r?\n/, 1)[0] ?? '');
    const all = (function* () {
      if (head) yield head;
      yield* chunks;
    })();

    let columns: ReturnType<typeof mapHeader>['columns'] | undefined;
    const pending: Pending[] = [];
    let ignored: string[] = [];
    try {
      for await (const record of parseCsv(all, delimiter)) {
        if (job.signal.aborted) throw job.signal.reason;
        if (!columns) {
          ({ columns, ignored } = mapHeader(record.fields));
          if (columns.company === undefined && columns.cvr === undefined && columns.domain === undefined && columns.email === undefined) {
            return finish(owner, payload.importId, tally, `The header (line ${record.line}) has no company, CVR, website or email column; found: ${record.fields.join(', ')}`);
          }
          continue;
        }
        if (tally.rows >= ctx.config.maxRows) {
          bad(tally, record.line, `not read: the import stops after ${ctx.config.maxRows} rows`, ctx.config.maxProblems);
          break;
        }
        tally.rows++;
        const parsed = readLead(record.fields, columns);
        if (!parsed.ok) bad(tally, record.line, parsed.error, ctx.config.maxProblems);
        else pending.push({ line: record.line, lead: parsed.lead });
        if (tally.rows % BATCH_ROWS === 0) {
          await writeLeads(ctx, pending.splice(0), companies, tally);
          await job.progress(Math.min(read, total), total, `${tally.rows} rows read, ${tally.badRows} bad`);
          if (tally.rows % 2000 === 0) await owner.sql`update csv_leads_imports set rows = ${tally.rows}, imported = ${tally.imported} where id = ${payload.importId}`;
        }
      }
    } catch (error) {
      if (error instanceof CsvError) {
        await writeLeads(ctx, pending.splice(0), companies, tally);
        return finish(owner, payload.importId, tally, error.message, ignored);
      }
      throw error;
    }
    await writeLeads(ctx, pending.splice(0), companies, tally);
    await job.progress(total, total, `${tally.rows} rows read, ${tally.badRows} bad`);
    return finish(owner, payload.importId, tally, null, ignored);
  };
}

/**
 * Writes a batch: resolves each row's company (remembered for the whole import), then adds each
 * company's contacts in one transaction. When that transaction fails (one refused contact), its
 * rows are written one by one, so only the bad row is reported and the others still land.
 */
async function writeLeads(ctx: Ctx, batch: Pending[], companies: Map<string, string>, tally: Tally): Promise<void> {
  const byCompany = new Map<string, Pending[]>();
  for (const row of batch) {
    try {
      const companyId = await companyOf(ctx, row.lead, companies, tally);
      if (!row.lead.contact) tally.imported++;
      else byCompany.set(companyId, [...(byCompany.get(companyId) ?? []), row]);
    } catch (error) {
      bad(tally, row.line, (error as Error).message, ctx.config.maxProblems);
    }
  }
  for (const [companyId, rows] of byCompany) {
    const store = ctx.forCompany(companyId);
    let outcomes: boolean[];
    try {
      outcomes = await store.transaction(async (tx) => {
        const created: boolean[] = [];
        for (const row of rows) created.push((await tx.contacts.upsert(contactOf(row.lead))).created);
        return created;
      });
    } catch {
      outcomes = [];
      for (const row of rows) {
        try {
          outcomes.push((await store.contacts.upsert(contactOf(row.lead))).created);
        } catch (error) {
          bad(tally, row.line, (error as Error).message, ctx.config.maxProblems);
        }
      }
    }
    for (const created of outcomes) {
      tally.imported++;
      if (created) tally.contactsCreated++;
      else tally.contactsUpdated++;
    }
  }
  // Problems are kept in file order, whichever company's transaction found them.
  tally.problems.sort((a, b) => a.line - b.line);
}

async function companyOf(ctx: Ctx, lead: Lead, companies: Map<string, string>, tally: Tally): Promise<string> {
  const key = lead.company.cvr ? `cvr:${lead.company.cvr}` : lead.company.domain ? `domain:${lead.company.domain.toLowerCase()}` : lead.company.name ? `name:${lead.company.name.toLowerCase()}` : undefined;
  const known = key ? companies.get(key) : undefined;
  if (known) return known;
  const { company, created } = await ctx.companies.resolve(lead.company);
  if (created) tally.companiesCreated++;
  if (key) companies.set(key, company.id);
  return company.id;
}

function contactOf(lead: Lead) {
  return { ...lead.contact!, attributes: { source: 'csv' } };
}

function bad(tally: Tally, line: number, error: string, keep: number): void {
  tally.badRows++;
  if (tally.problems.length < keep) tally.problems.push({ line, error });
}

async function finish(owner: CompanyStore, importId: string, tally: Tally | null, error: string | null, ignored: string[] = []) {
  const t = tally ?? { rows: 0, imported: 0, companiesCreated: 0, contactsCreated: 0, contactsUpdated: 0, badRows: 0, problems: [] };
  await owner.sql`
    update csv_leads_imports set status = ${error ? 'failed' : 'done'}, rows = ${t.rows}, imported = ${t.imported},
      companies_created = ${t.companiesCreated}, contacts_created = ${t.contactsCreated}, contacts_updated = ${t.contactsUpdated},
      bad_rows = ${t.badRows}, problems = ${JSON.stringify(t.problems)}::jsonb, ignored_columns = ${`{${ignored.map((c) => `"${c.replace(/["\\]/g, '')}"`).join(',')}}`}::text[],
      error = ${error}, finished_at = now()
    where id = ${importId}`;
  return { importId, error, rows: t.rows, imported: t.imported, badRows: t.badRows };
}
