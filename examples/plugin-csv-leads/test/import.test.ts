import { definePlugin } from 'open-crm/plugin';
import { createTestHost, type TestHost } from 'open-crm/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.ts';
import { leadsCsv } from './fixtures.ts';

describe('csv-leads plugin', () => {
  let host: TestHost;
  beforeAll(async () => {
    // Another plugin that refuses some contacts, as a spam filter would.
    const guard = definePlugin({
      id: 'guard', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: ['events'],
      setup(c) {
        c.events.filter('contact.beforeCreate', (contact) => (contact.email?.startsWith('spam@') ? { veto: 'a spam address' } : contact));
      },
    });
    host = await createTestHost({ plugins: [plugin, guard], logLevel: process.env.LOG_LEVEL ?? 'silent' });
  });
  afterAll(() => host.close());

  it('imports 10,000 rows, reporting the 3 bad rows by line, with progress', { timeout: 300_000 }, async () => {
    const { csv, badLines } = leadsCsv(10_000, { bad: true });
    const upload = await host.request('POST', '/api/csv-leads/imports', { body: { file_name: 'leads.csv', csv } });
    expect(upload.status).toBe(202);
    expect(await host.runJobs()).toBe(1);

    const job = await host.request('GET', `/api/jobs/${upload.body.job_id}`);
    expect(job.body).toMatchObject({ status: 'succeeded', progress: { message: '10000 rows read, 3 bad' } });
    expect(job.body.progress.done).toBe(job.body.progress.total);

    const result = await host.request('GET', `/api/csv-leads/imports/${upload.body.id}`);
    expect(result.body).toMatchObject({
      status: 'done', rows: 10_000, imported: 9_997, bad_rows: 3, companies_created: 2_500, contacts_created: 9_997, ignored_columns: ['Noter'], error: null,
    });
    expect(result.body.problems).toEqual([
      { line: badLines[0], error: 'email is not an email address' },
      { line: badLines[1], error: 'cvr must be 8 digits' },
      { line: badLines[2], error: 'names no company: give a company name, CVR number, website or email' },
    ]);

    const company = await host.request('GET', '/api/companies?q=firma-7.dk');
    expect(company.body.items).toHaveLength(1);
    const contacts = await host.request('GET', `/api/contacts?company_id=${company.body.items[0].id}`);
    expect(contacts.body.items.map((c: { email: string }) => c.email).sort()).toEqual(['kontakt28@firma-7.dk', 'kontakt29@firma-7.dk', 'kontakt30@firma-7.dk', 'kontakt31@firma-7.dk']);
  });

  it('imports the same file again without duplicates', { timeout: 60_000 }, async () => {
    const { csv } = leadsCsv(40);
    for (const name of ['first.csv', 'again.csv']) await host.request('POST', '/api/csv-leads/imports', { body: { file_name: name, csv } });
    await host.runJobs();
    const list = await host.request('GET', '/api/csv-leads/imports');
    const [again, first] = list.body.items;
    expect(first).toMatchObject({ file_name: 'first.csv', contacts_created: 0, contacts_updated: 40, companies_created: 0 });
    expect(again).toMatchObject({ file_name: 'again.csv', contacts_created: 0, contacts_updated: 40, companies_created: 0 });
  });

  it('reports a contact another plugin refuses by its line, and still imports the rest of its company', async () => {
    const csv = ['Firma;E-mail', 'Filter ApS;anna@filter.dk', 'Filter ApS;spam@filter.dk', 'Filter ApS;bo@filter.dk', 'Andet ApS;eva@andet.dk', ''].join('\n');
    const upload = await host.request('POST', '/api/csv-leads/imports', { body: { file_name: 'filter.csv', csv } });
    await host.runJobs();
    const result = await host.request('GET', `/api/csv-leads/imports/${upload.body.id}`);
    expect(result.body).toMatchObject({ status: 'done', rows: 4, imported: 3, bad_rows: 1, contacts_created: 3, companies_created: 2 });
    expect(result.body.problems).toEqual([{ line: 3, error: 'Refused: a spam address (guard)' }]);
    const company = await host.request('GET', '/api/companies?q=filter.dk');
    const contacts = await host.request('GET', `/api/contacts?company_id=${company.body.items[0].id}`);
    expect(contacts.body.items.map((c: { email: string }) => c.email).sort()).toEqual(['anna@filter.dk', 'bo@filter.dk']);
  });

  it('refuses a file it cannot read, and bad uploads', async () => {
    const noKeys = await host.request('POST', '/api/csv-leads/imports', { body: { file_name: 'notes.csv', csv: 'Noter;Dato\nHej;1. maj\n' } });
    await host.runJobs();
    const result = await host.request('GET', `/api/csv-leads/imports/${noKeys.body.id}`);
    expect(result.body).toMatchObject({ status: 'failed', error: 'The header (line 1) has no company, CVR, website or email column; found: Noter, Dato' });
    const empty = await host.request('POST', '/api/csv-leads/imports', { body: { file_name: 'x.csv', csv: '' } });
    expect(empty).toMatchObject({ status: 422, body: { detail: 'body.csv: is empty' } });
    expect((await host.request('GET', '/api/csv-leads/imports/nope')).status).toBe(422);
  });

  it('lets only credentials that see the own company import', async () => {
    const customer = await host.company('Kunde ApS');
    const restricted = await host.key(['crm:read', 'crm:write'], [customer]);
    const res = await host.request('POST', '/api/csv-leads/imports', { token: restricted, body: { file_name: 'a.csv', csv: 'Firma\nA\n' } });
    expect(res.status).toBe(404);
  });
});
