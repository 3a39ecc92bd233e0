import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Caller, CompanyStore } from '../../../plugin-api.d.ts';
import type { Ctx } from '../context.ts';
import { ingestEnv } from '../ingest.ts';
import { locate } from '../locate.ts';
import { body, IdParam, json, MessageOut, PartyOut, problems, ReplyIn, ThreadOut } from '../schemas.ts';
import { answeredMessage, replyRecipients, sendingAccount, sendReply } from '../send.ts';
import { getMessage, getThread, listThreads, markHandled, type MessageRow, messagesOfThread, type ThreadRow } from '../store.ts';

const tags = ['Email: threads'];

const list = createRoute({
  method: 'get', path: '/threads', operationId: 'emailListThreads', tags,
  summary: "A company's email threads, newest first (customer correspondence; `all` adds newsletters, auto-replies and internal mail)",
  request: {
    query: z.object({
      company_id: z.uuid(),
      awaiting: z.enum(['true', 'false']).optional().openapi({ description: 'Only threads waiting for our answer' }),
      all: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional().openapi({ description: 'next_cursor of the previous page' }),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(ThreadOut), next_cursor: z.string().nullable() }), 'A page of threads'), ...problems(404, 422) },
});
const waiting = createRoute({
  method: 'get', path: '/waiting', operationId: 'emailListWaiting', tags,
  summary: 'Threads waiting for our answer, over every company the caller sees, longest waiting first',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: json(z.object({ items: z.array(ThreadOut.extend({ company_name: z.string() })) }), 'The waiting threads'), ...problems(422) },
});
const get = createRoute({
  method: 'get', path: '/threads/{id}', operationId: 'emailGetThread', tags, summary: 'One thread with its messages, oldest first',
  request: { params: IdParam },
  responses: {
    200: json(ThreadOut.extend({
      messages: z.array(MessageOut),
      reply: z.object({
        to: z.array(PartyOut).openapi({ description: 'Who a reply goes to (without reply all)' }),
        account: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable().openapi({ description: 'The account a reply is sent from' }),
        can_send: z.boolean().openapi({ description: 'False when no account can send (no SMTP server): the reply box can say so before anyone types' }),
      }),
    }), 'The thread'),
    ...problems(404, 422),
  },
});
const reply = createRoute({
  method: 'post', path: '/threads/{id}/reply', operationId: 'emailReplyToThread', tags,
  summary: "Answer a thread through the account's SMTP server, with In-Reply-To and References; the sent message is stored in the thread (event email.sent)",
  request: { params: IdParam, ...body(ReplyIn) },
  responses: { 201: json(MessageOut, 'The sent message'), ...problems(403, 404, 409, 422) },
});
const handled = createRoute({
  method: 'post', path: '/threads/{id}/handled', operationId: 'emailMarkThreadHandled', tags,
  summary: 'Say a thread needs no answer (the customer only said thanks): it leaves the waiting queue until the customer writes again',
  request: { params: IdParam },
  responses: { 200: json(ThreadOut, 'The thread'), ...problems(403, 404, 422) },
});
const message = createRoute({
  method: 'get', path: '/messages/{id}', operationId: 'emailGetMessage', tags, summary: 'One message',
  request: { params: IdParam },
  responses: { 200: json(MessageOut, 'The message'), ...problems(404, 422) },
});
const raw = createRoute({
  method: 'get', path: '/messages/{id}/raw', operationId: 'emailGetRawMessage', tags, summary: 'The message exactly as it came in (message/rfc822, as a download)',
  request: { params: IdParam },
  responses: { 200: { description: 'The raw message', content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(404, 422) },
});

type Found<T> = { store: CompanyStore; row: T };

/** A thread of a company the caller may see, else 404 (the same answer as for an id that does not exist). */
async function requireThread(ctx: Ctx, forCompany: (id: string) => CompanyStore, caller: Caller, id: string): Promise<Found<ThreadRow>> {
  const companyId = await locate.companyOfThread(ctx.kv, id);
  if (companyId && caller.sees(companyId)) {
    const store = forCompany(companyId);
    const row = await getThread(store, id);
    if (row) return { store, row };
  }
  throw new CrmError('not_found', `Email thread ${id} not found`);
}

async function requireMessage(ctx: Ctx, forCompany: (id: string) => CompanyStore, caller: Caller, id: string): Promise<Found<MessageRow>> {
  const companyId = await locate.companyOfMessage(ctx.kv, id);
  if (companyId && caller.sees(companyId)) {
    const store = forCompany(companyId);
    const row = await getMessage(store, id);
    if (row) return { store, row };
  }
  throw new CrmError('not_found', `Email message ${id} not found`);
}

/** A thread as the API shows it. */
export function threadOut(t: ThreadRow, snippet: string | null): z.infer<typeof ThreadOut> {
  return {
    id: t.id, company_id: t.company_id, subject: t.subject, participants: t.participants, message_count: t.message_count,
    first_at: t.first_at, last_at: t.last_at, last_direction: t.last_direction, awaiting_reply: t.awaiting_since !== null, awaiting_since: t.awaiting_since,
    kind: t.kind, snippet,
  };
}

/** A message as the API shows it. */
export function messageOut(m: MessageRow): z.infer<typeof MessageOut> {
  return {
    id: m.id, thread_id: m.thread_id, company_id: m.company_id, message_id: m.message_id, direction: m.direction, kind: m.kind, kind_reason: m.kind_reason,
    from: m.from_address ? { name: m.from_name, address: m.from_address } : null, to: m.to_addresses, cc: m.cc_addresses,
    subject: m.subject, sent_at: m.sent_at, received_at: m.received_at, text: m.text, new_text: m.new_text, quoted_text: m.quoted_text, signature: m.signature,
    html: m.html, has_remote_images: m.has_remote_images, thread_reason: m.thread_reason, attachments: m.attachments, sources: m.sources, size: m.size,
  };
}

function encodeCursor(row: { cursor_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.cursor_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { lastAt: string; id: string } {
  try {
    const [lastAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    if (typeof lastAt === 'string' && !Number.isNaN(Date.parse(lastAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { lastAt, id };
  } catch {
    // Not ours: answered below.
  }
  throw new CrmError('validation_failed', 'cursor is not a next_cursor of this list', { issues: [{ path: 'cursor', message: 'is invalid' }] });
}

/** Threads and messages: reading them (by company, or what waits for an answer) and replying. */
export function threadRoutes(ctx: Ctx): void {
  ctx.routes.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const store = c.var.forCompany(q.company_id);
    const rows = await listThreads(store, {
      companyId: q.company_id, limit: q.limit + 1, awaiting: q.awaiting === 'true', all: q.all === 'true', after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return c.json({ items: page.map((t) => threadOut(t, t.snippet)), next_cursor: rows.length > q.limit && last ? encodeCursor(last) : null }, 200);
  });

  ctx.routes.openapi(waiting, async (c) => {
    const { limit } = c.req.valid('query');
    const queued = (await locate.awaiting(ctx.kv, 5000)).filter((w) => c.var.caller.sees(w.companyId)).sort((a, b) => a.since.localeCompare(b.since));
    const items: (z.infer<typeof ThreadOut> & { company_name: string })[] = [];
    for (const w of queued) {
      const thread = await getThread(c.var.forCompany(w.companyId), w.threadId);
      if (!thread?.awaiting_since) continue;
      const [company, messages] = await Promise.all([ctx.companies.get(w.companyId), messagesOfThread(c.var.forCompany(w.companyId), w.threadId)]);
      items.push({ ...threadOut(thread, messages[messages.length - 1]?.new_text.slice(0, 200) ?? null), company_name: company?.name ?? '' });
      if (items.length >= limit) break;
    }
    return c.json({ items }, 200);
  });

  ctx.routes.openapi(get, async (c) => {
    const { store, row } = await requireThread(ctx, c.var.forCompany, c.var.caller, c.req.valid('param').id);
    const messages = await messagesOfThread(store, row.id);
    const [env, account] = await Promise.all([ingestEnv(ctx), sendingAccount(ctx, messages)]);
    const answered = answeredMessage(messages);
    const reply = {
      to: answered ? replyRecipients(env.isOwn, answered, false) : [],
      account: account ? { id: account.id, name: account.name, email: account.email } : null,
      can_send: Boolean(account && answered),
    };
    return c.json({ ...threadOut(row, messages[messages.length - 1]?.new_text.slice(0, 200) ?? null), messages: messages.map(messageOut), reply }, 200);
  });

  ctx.routes.openapi(reply, async (c) => {
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Replying needs crm:write');
    const { store, row } = await requireThread(ctx, c.var.forCompany, c.var.caller, c.req.valid('param').id);
    const input = c.req.valid('json');
    const messages = await messagesOfThread(store, row.id);
    const account = await sendingAccount(ctx, messages, input.account_id);
    if (!account) throw new CrmError('conflict', 'No email account can send: add one with an SMTP server');
    const env = await ingestEnv(ctx, account.policy, [account.email]);
    const sent = await sendReply(ctx, env, account, row, messages, { text: input.text, cc: input.cc, replyAll: input.reply_all });
    return c.json(messageOut(sent), 201);
  });

  ctx.routes.openapi(handled, async (c) => {
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Marking a thread needs crm:write');
    const { store, row } = await requireThread(ctx, c.var.forCompany, c.var.caller, c.req.valid('param').id);
    const thread = await markHandled(store, row.id, c.var.caller.actor);
    await locate.setAwaiting(ctx.kv, thread.id, thread.awaiting_since ? { companyId: thread.company_id, since: thread.awaiting_since } : null);
    const messages = await messagesOfThread(store, row.id);
    return c.json(threadOut(thread, messages[messages.length - 1]?.new_text.slice(0, 200) ?? null), 200);
  });

  ctx.routes.openapi(message, async (c) => {
    const { row } = await requireMessage(ctx, c.var.forCompany, c.var.caller, c.req.valid('param').id);
    return c.json(messageOut(row), 200);
  });

  ctx.routes.openapi(raw, async (c) => {
    const { row } = await requireMessage(ctx, c.var.forCompany, c.var.caller, c.req.valid('param').id);
    const file = await ctx.blobs.forCompany(row.company_id).read(row.raw_key);
    if (!file) throw new CrmError('not_found', `The raw source of message ${row.id} is missing from the blob store`);
    return new Response(file.stream, {
      status: 200,
      headers: {
        'content-type': 'message/rfc822', 'content-length': String(file.size), 'x-content-type-options': 'nosniff',
        'content-disposition': `attachment; filename="message-${row.id}.eml"`, 'content-security-policy': "sandbox; default-src 'none'",
      },
    }) as never;
  });
}
