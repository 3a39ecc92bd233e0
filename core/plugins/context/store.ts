import { z } from '@hono/zod-openapi';
import { sql as drizzleSql } from 'drizzle-orm';
import type { CompanyStore, Contact } from '../../../plugin-api.d.ts';
import { createContact, findContactByEmail, listContacts, updateContact } from '../../contacts/store.ts';
import { contactFields, contactOut } from '../../contacts/schemas.ts';
import { scope } from '../../db/scope/index.ts';
import { rowsWithIsoTimes } from '../../db/times.ts';
import type { Tx } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import { filterOrRefuse } from '../../events/bus.ts';
import { recordEvent } from '../../events/store.ts';
import { isUuid } from '../../ids/index.ts';
import { deleteSourceChunks } from '../../search/chunks/store.ts';
import { enqueueInTransaction } from '../../jobs/index.ts';
import { indexText } from '../../search/indexer.ts';
import type { PluginQueue } from './jobs.ts';
import type { HostServices } from './services.ts';

type Inner = Omit<CompanyStore, 'transaction'>;

/**
 * The stores a plugin reaches for one company. Every call is a transaction in that company's
 * scope as `crm_app`, so row level security holds even for a plugin's own SQL; `transaction`
 * runs several calls in one. Events (`contact.added`) go out after the commit.
 *
 * @example
 * await companyStore(services, 'csv-leads', companyId).contacts.upsert({ email: 'ole@firma.dk' });
 */
export function companyStore(services: HostServices, pluginId: string, companyId: string, queue?: PluginQueue): CompanyStore {
  if (!isUuid(companyId)) throw new CrmError('bad_request', `Invalid company id ${JSON.stringify(companyId)}`);
  const scoped = scope(services.db, [companyId]);
  const run = async <T>(work: (inner: Inner) => Promise<T>): Promise<T> => {
    const afterCommit: (() => void)[] = [];
    const result = await scoped.run((tx) => work(inner(services, pluginId, companyId, tx, afterCommit, queue)));
    for (const publish of afterCommit) publish();
    return result;
  };
  return {
    companyId,
    sql: (strings, ...values) => run((s) => s.sql(strings, ...values)),
    contacts: {
      upsert: (input) => run((s) => s.contacts.upsert(input)),
      list: (options) => run((s) => s.contacts.list(options)),
    },
    timeline: { record: (event) => run((s) => s.timeline.record(event)) },
    jobs: { enqueue: (name, payload, options) => run((s) => s.jobs.enqueue(name, payload, options)) },
    passages: {
      index: (input) => run((s) => s.passages.index(input)),
      remove: (source) => run((s) => s.passages.remove(source)),
    },
    transaction: (work) => run(work),
  };
}

function inner(services: HostServices, pluginId: string, companyId: string, tx: Tx, afterCommit: (() => void)[], queue?: PluginQueue): Inner {
  const actor = `plugin:${pluginId}`;
  return {
    jobs: {
      async enqueue(name, payload, options = {}) {
        if (!queue) throw new CrmError('forbidden', `Plugin ${pluginId} queues jobs only with the jobs capability`);
        const full = queue.fullName(name);
        const jobId = await enqueueInTransaction(tx, full, payload, {
          companyId, maxAttempts: queue.maxAttempts.get(full),
          ...(options.idempotencyKey !== undefined ? { idempotencyKey: options.idempotencyKey } : {}),
          ...(options.runAt !== undefined ? { runAt: options.runAt } : {}),
        });
        afterCommit.push(() => services.onJobQueued());
        return jobId;
      },
    },
    companyId,
    async sql<Row>(strings: TemplateStringsArray, ...values: unknown[]) {
      return rowsWithIsoTimes<Row>(await tx.execute(drizzleSql(strings, ...values)));
    },
    contacts: {
      async upsert(raw) {
        const input = checkContact(raw);
        const existing = input.email ? await findContactByEmail(tx, input.email) : undefined;
        if (existing && existing.companyId === companyId) {
          // Fill in what is missing; never overwrite what staff may have corrected.
          const patch = Object.fromEntries(
            (['name', 'phone', 'role'] as const).filter((f) => input[f] && !existing[f]).map((f) => [f, input[f]]),
          );
          const attributes = input.attributes ? { ...input.attributes, ...existing.attributes } : undefined;
          const changed = Object.keys(patch).length > 0 || attributes ? await updateContact(tx, existing.id, { ...patch, ...(attributes ? { attributes } : {}) }) : existing;
          return { contact: contactOut(changed) as Contact, created: false };
        }
        const allowed = await filterOrRefuse(services.bus, 'contact.beforeCreate', {
          companyId, name: input.name ?? null, email: input.email ?? null, phone: input.phone ?? null,
        });
        const contact = await createContact(tx, {
          companyId, name: allowed.name, email: allowed.email, phone: allowed.phone, role: input.role ?? null, attributes: input.attributes ?? {},
        });
        await recordEvent(tx, { companyId, type: 'contact.added', actor, payload: { contact_id: contact.id, name: contact.name } });
        afterCommit.push(() => services.bus.publish('contact.added', { companyId, contactId: contact.id, email: contact.email }));
        return { contact: contactOut(contact) as Contact, created: true };
      },
      async list(options = {}) {
        const page = await listContacts(tx, { companyId, limit: Math.min(Math.max(options.limit ?? 200, 1), 1000) });
        return page.items.map((c) => contactOut(c) as Contact);
      },
    },
    timeline: {
      async record(event) {
        if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(event.type)) {
          throw new CrmError('bad_request', `Event type ${JSON.stringify(event.type)} must be dotted lower-case, like csv.imported`);
        }
        const row = await recordEvent(tx, { companyId, type: event.type, actor, payload: event.payload ?? {}, ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}) });
        return { id: row.id, company_id: row.companyId, type: row.type as `${string}.${string}`, occurred_at: row.occurredAt.toISOString(), actor: row.actor, payload: row.payload };
      },
    },
    passages: {
      async index(input) {
        const passages = await indexText(tx, services.embedder(), {
          companyId, sourceType: input.sourceType, sourceId: input.sourceId, visibility: input.visibility,
          title: input.title ?? null, url: input.url ?? null, text: input.text ?? '', format: input.format ?? 'text',
          ...(input.sections ? { sections: checkSections(input.sections) } : {}),
        });
        return { passages };
      },
      async remove(source) {
        return { passages: await deleteSourceChunks(tx, { companyId, ...source }) };
      },
    },
  };
}

const ContactUpsert = z.strictObject(contactFields).omit({ company_id: true }).partial();

/** The same rules as POST /api/contacts: a plugin's data is outside input too. */
function checkContact(raw: unknown): z.infer<typeof ContactUpsert> {
  const parsed = ContactUpsert.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new CrmError('validation_failed', `Contact ${issue.path.join('.') || 'input'} ${issue.message}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/** Sections come from plugin code: checked here, so a bad one is a clear error, not a bad row. */
function checkSections(sections: unknown): NonNullable<Parameters<typeof indexText>[2]['sections']> {
  const parsed = z.array(z.object({ text: z.string(), anchor: z.string().min(1).max(200), heading: z.string().max(300).optional(), format: z.enum(['markdown', 'text']).optional() })).max(10_000).safeParse(sections);
  if (!parsed.success) throw new CrmError('bad_request', `passages.index: sections must be [{ text, anchor, heading?, format? }] (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
