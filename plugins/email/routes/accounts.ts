import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Caller, CompanyStore } from '../../../plugin-api.d.ts';
import { accountChanges, accountOut, enqueueSync, newAccount } from '../accounts.ts';
import type { Ctx } from '../context.ts';
import { AccountIn, AccountOut, AccountPatch, body, IdParam, json, problems } from '../schemas.ts';
import { type AccountRow, deleteAccount, foldersOf, getAccount, insertAccount, listAccounts, patchAccount } from '../store.ts';
import { followJob, wantsStream } from './job-stream.ts';

const tags = ['Email: accounts'];

const list = createRoute({
  method: 'get', path: '/accounts', operationId: 'emailListAccounts', tags, summary: 'The mailboxes the CRM follows, each with its honest sync state and counts per folder',
  responses: { 200: json(z.object({ items: z.array(AccountOut) }), 'The accounts'), ...problems(404) },
});
const create = createRoute({
  method: 'post', path: '/accounts', operationId: 'emailCreateAccount', tags,
  summary: 'Add a mailbox (IMAP, with SMTP for replies); the password or OAuth2 token is stored encrypted and never returned; the first sync is queued',
  request: body(AccountIn),
  responses: { 201: json(AccountOut, 'The account'), ...problems(403, 404, 422, 503) },
});
const get = createRoute({
  method: 'get', path: '/accounts/{id}', operationId: 'emailGetAccount', tags,
  summary: 'One mailbox: state (never_synced, syncing, ok, error, stalled, disabled), last success, last error, seen/stored/skipped (with reasons)/failed per folder',
  request: { params: IdParam },
  responses: { 200: json(AccountOut, 'The account'), ...problems(404, 422) },
});
const patch = createRoute({
  method: 'patch', path: '/accounts/{id}', operationId: 'emailPatchAccount', tags, summary: 'Change a mailbox (a new secret replaces the stored one)',
  request: { params: IdParam, ...body(AccountPatch) },
  responses: { 200: json(AccountOut, 'The account'), ...problems(403, 404, 422, 503) },
});
const remove = createRoute({
  method: 'delete', path: '/accounts/{id}', operationId: 'emailDeleteAccount', tags, summary: 'Stop following a mailbox (the mail already stored stays)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(403, 404, 422) },
});
const sync = createRoute({
  method: 'post', path: '/accounts/{id}/sync', operationId: 'emailSyncAccount', tags,
  summary: 'Sync now. JSON: 202 with the job (follow it at /api/jobs/{id}); with Accept: text/event-stream, the progress as it goes: queued, progress ({ done, total, message }), done',
  request: { params: IdParam },
  responses: {
    202: { description: 'Queued (or, with Accept: text/event-stream, the progress stream)', content: { 'application/json': { schema: z.object({ job_id: z.uuid() }) }, 'text/event-stream': { schema: z.string().openapi({ description: 'Server-Sent Events: queued, progress, done' }) } } },
    ...problems(403, 404, 409, 422),
  },
});

function requireAdmin(caller: Caller, what: string): void {
  if (!caller.may('admin')) throw new CrmError('forbidden', `${what} needs the admin scope`);
}

/** Mailbox accounts: they belong to the own company, so a credential restricted to customers gets 404 here. */
export function accountRoutes(ctx: Ctx): void {
  const ownStore = async (forCompany: (id: string) => CompanyStore) => forCompany((await ctx.companies.self()).id);
  const out = async (store: CompanyStore, account: AccountRow) => {
    const job = account.sync_job_id ? await ctx.jobs.get(account.sync_job_id) : null;
    return accountOut(account, await foldersOf(store, account.id), job ? job.progress : null, ctx.config.stalledAfterMinutes);
  };
  const requireAccount = async (store: CompanyStore, id: string) => {
    const account = await getAccount(store, id);
    if (!account) throw new CrmError('not_found', `Email account ${id} not found`);
    return account;
  };

  ctx.routes.openapi(list, async (c) => {
    const store = await ownStore(c.var.forCompany);
    const accounts = await listAccounts(store);
    return c.json({ items: await Promise.all(accounts.map((a) => out(store, a))) }, 200);
  });

  ctx.routes.openapi(create, async (c) => {
    const store = await ownStore(c.var.forCompany);
    requireAdmin(c.var.caller, 'Adding a mailbox');
    const row = newAccount(ctx, store.companyId, c.req.valid('json'));
    const account = await insertAccount(store, row);
    const jobId = await enqueueSync(ctx, account, 'demand');
    return c.json(await out(store, { ...account, sync_job_id: jobId }), 201);
  });

  ctx.routes.openapi(get, async (c) => {
    const store = await ownStore(c.var.forCompany);
    return c.json(await out(store, await requireAccount(store, c.req.valid('param').id)), 200);
  });

  ctx.routes.openapi(patch, async (c) => {
    const store = await ownStore(c.var.forCompany);
    requireAdmin(c.var.caller, 'Changing a mailbox');
    const { id } = c.req.valid('param');
    await requireAccount(store, id);
    const account = await patchAccount(store, id, accountChanges(ctx, id, c.req.valid('json')));
    return c.json(await out(store, account!), 200);
  });

  ctx.routes.openapi(remove, async (c) => {
    const store = await ownStore(c.var.forCompany);
    requireAdmin(c.var.caller, 'Removing a mailbox');
    const { id } = c.req.valid('param');
    if (!(await deleteAccount(store, id))) throw new CrmError('not_found', `Email account ${id} not found`);
    return c.body(null, 204);
  });

  ctx.routes.openapi(sync, async (c) => {
    const store = await ownStore(c.var.forCompany);
    if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Starting a sync needs crm:write');
    const account = await requireAccount(store, c.req.valid('param').id);
    if (!account.enabled) throw new CrmError('conflict', `Email account ${account.id} is disabled; enable it to sync`);
    const jobId = await enqueueSync(ctx, account, 'demand');
    if (wantsStream(c)) return followJob(c, ctx.jobs, jobId, { event: 'queued', data: { job_id: jobId } }, ctx.shutdown) as never;
    return c.json({ job_id: jobId }, 202);
  });
}
