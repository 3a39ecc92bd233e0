import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigninCode, createStaffUser } from '../../core/auth/users.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DRIVERS } from '../support/databases.ts';
import { checkAnswer, expectInvalid, expectProblem } from '../support/problems.ts';

/** Reads a Server-Sent Events answer until `until` holds for the events so far (or the time is up). */
async function readEvents(res: Response, until: (events: { event: string; id?: string; data: any }[]) => boolean, ms = 10_000) {
  const reader = res.body!.getReader();
  const events: { event: string; id?: string; data: any }[] = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  while (!until(events) && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()))]);
    if (chunk.done) break;
    buffer += new TextDecoder().decode(chunk.value);
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, id: /^id: (.*)$/m.exec(block)?.[1], data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

describe.each(DRIVERS)('staff, embed tokens and the live timeline on %s', (driver) => {
  let t: TestApp;
  let alpha: string;
  let beta: string;
  beforeAll(async () => {
    t = await createTestApp(driver);
    alpha = (await t.call('POST', '/api/companies', { body: { name: 'Alfa Stream ApS' } })).body.id;
    beta = (await t.call('POST', '/api/companies', { body: { name: 'Beta Stream ApS' } })).body.id;
  });
  afterAll(() => t.destroy());

  it('signs staff in with a one-time link or a password, and a disabled staff member is out at once', async () => {
    const added = checkAnswer(await t.call('POST', '/api/users', { body: { email: 'Mette@Nordlys-Tag.dk', name: 'Mette Jensen', role: 'staff', password: 'korrekt hest batteri' } }));
    expect(added).toMatchObject({ status: 201, body: { email: 'mette@nordlys-tag.dk', role: 'staff', has_password: true } });
    expectInvalid(await t.call('POST', '/api/users', { body: { email: 'kort@nordlys-tag.dk', name: 'Kort', role: 'staff', password: 'kort' } }), 'body.password');
    expectProblem(await t.call('POST', '/api/users', { body: { email: 'mette@nordlys-tag.dk', name: 'Igen', role: 'viewer' } }), 409, 'conflict');

    const link = checkAnswer(await t.call('POST', `/api/users/${added.body.id}/signin-link`));
    expect(link).toMatchObject({ status: 201, body: { code: expect.any(String), expires_at: expect.stringMatching(/Z$/) } });
    const session = checkAnswer(await t.call('POST', '/api/auth/signin', { token: null, body: { code: link.body.code } }));
    expect(session).toMatchObject({ status: 200, body: { token: expect.stringMatching(/^crmt_/), user: { name: 'Mette Jensen' } } });
    expectProblem(await t.call('POST', '/api/auth/signin', { token: null, body: { code: link.body.code } }), 401, 'unauthorized');

    const me = checkAnswer(await t.call('GET', '/api/me', { token: session.body.token }));
    expect(me.body).toMatchObject({ actor: `user:${added.body.id}`, kind: 'user', name: 'Mette Jensen', scopes: ['crm:read', 'crm:write'], company_ids: null, user: { email: 'mette@nordlys-tag.dk' } });
    // What staff do is recorded as them.
    const note = checkAnswer(await t.call('POST', `/api/companies/${alpha}/notes`, { token: session.body.token, body: { text: 'Ring tirsdag om tilbuddet' } }));
    expect(note.body).toMatchObject({ type: 'note.added', actor: `user:${added.body.id}`, payload: { text: 'Ring tirsdag om tilbuddet', by: 'Mette Jensen' } });
    expectProblem(await t.call('GET', '/api/users', { token: session.body.token }), 403, 'forbidden');

    const password = checkAnswer(await t.call('POST', '/api/auth/signin', { token: null, body: { email: 'mette@nordlys-tag.dk', password: 'korrekt hest batteri' } }));
    expect(password.status).toBe(200);
    const wrong = checkAnswer(await t.call('POST', '/api/auth/signin', { token: null, body: { email: 'mette@nordlys-tag.dk', password: 'forkert' } }));
    const unknown = checkAnswer(await t.call('POST', '/api/auth/signin', { token: null, body: { email: 'ingen@nordlys-tag.dk', password: 'forkert' } }));
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.detail).toBe(unknown.body.detail);

    checkAnswer(await t.call('PATCH', `/api/users/${added.body.id}`, { body: { disabled: true } }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expectProblem(await t.call('GET', '/api/me', { token: session.body.token }), 401, 'unauthorized');
    expectProblem(await t.call('POST', '/api/auth/signin', { token: null, body: { email: 'mette@nordlys-tag.dk', password: 'korrekt hest batteri' } }), 401, 'unauthorized');
  });

  it('confines a staff member restricted to a company to that company', async () => {
    const user = await createStaffUser(t.db.orm, { email: 'ole@alfa.dk', name: 'Ole', role: 'viewer', companyIds: [alpha] });
    const { code } = await createSigninCode(t.db.orm, user.id, 60_000);
    const { token } = (await t.call('POST', '/api/auth/signin', { token: null, body: { code } })).body;
    expect((await t.call('GET', '/api/companies', { token })).body.items.map((c: { id: string }) => c.id)).toEqual([alpha]);
    expectProblem(await t.call('GET', `/api/companies/${beta}`, { token }), 404, 'not-found');
    expectProblem(await t.call('POST', `/api/companies/${alpha}/notes`, { token, body: { text: 'x' } }), 403, 'forbidden');
  });

  it('lends part of an API key to a page: scopes and companies within the key, dead once the key is revoked', async () => {
    const keyId = (await t.call('POST', '/api/keys', { body: { name: 'Intranet', scopes: ['crm:read', 'crm:write'], company_ids: [alpha] } })).body;
    const lend = (body: unknown) => t.call('POST', '/api/embed-tokens', { token: keyId.secret, body });
    const minted = checkAnswer(await lend({ scopes: ['crm:read'], subject: 'Lis fra intranettet', ttl_seconds: 120 }));
    expect(minted).toMatchObject({ status: 201, body: { token: expect.stringMatching(/^crmt_/), scopes: ['crm:read'], company_ids: [alpha] } });
    expect(Date.parse(minted.body.expires_at) - Date.now()).toBeLessThanOrEqual(121_000);
    const embed = minted.body.token;
    expect((await t.call('GET', `/api/companies/${alpha}`, { token: embed })).status).toBe(200);
    expectProblem(await t.call('GET', `/api/companies/${beta}`, { token: embed }), 404, 'not-found');
    expectProblem(await t.call('PATCH', `/api/companies/${alpha}`, { token: embed, body: { stage: 'lead' } }), 403, 'forbidden');
    expect((await t.call('GET', '/api/me', { token: embed })).body).toMatchObject({ name: 'Lis fra intranettet', embedded: true, company_ids: [alpha] });

    expectProblem(await lend({ scopes: ['crm:read'], company_ids: [beta] }), 403, 'forbidden');
    expectProblem(await lend({ scopes: ['admin'] }), 422, 'validation-failed');
    expectProblem(await lend({ scopes: ['crm:read'], ttl_seconds: 86_400 }), 422, 'validation-failed');
    expectProblem(await t.call('POST', '/api/embed-tokens', { token: embed, body: { scopes: ['crm:read'] } }), 403, 'forbidden');
    const readOnly = await t.key(['crm:read']);
    expectProblem(await t.call('POST', '/api/embed-tokens', { token: readOnly, body: { scopes: ['crm:write'] } }), 403, 'forbidden');

    await t.call('DELETE', `/api/keys/${keyId.key.id}`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expectProblem(await t.call('GET', `/api/companies/${alpha}`, { token: embed }), 401, 'unauthorized');
  });

  it('streams the timeline events of the companies a credential sees, live and after a reconnect', async () => {
    const restricted = await t.key(['crm:read', 'crm:write'], [alpha]);
    const open = (token: string, lastEventId?: string) =>
      t.app.request('/api/stream', { headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } });
    const mine = await open(restricted);
    const admins = await open(t.adminKey);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toContain('text/event-stream');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = (await t.call('POST', `/api/companies/${alpha}/notes`, { body: { text: 'Første note' } })).body;
    await t.call('POST', `/api/companies/${beta}/notes`, { body: { text: 'Hemmelig note hos Beta' } });
    const seen = await readEvents(mine, (events) => events.length >= 1, 6000);
    expect(seen.map((e) => e.data.payload.text)).toEqual(['Første note']);
    expect(seen[0]).toMatchObject({ event: 'timeline', id: first.id, data: { company_id: alpha, company_name: 'Alfa Stream ApS', type: 'note.added', occurred_at: expect.stringMatching(/Z$/) } });
    const all = await readEvents(admins, (events) => events.length >= 2, 6000);
    expect(all.map((e) => e.data.payload.text)).toEqual(['Første note', 'Hemmelig note hos Beta']);

    // A client that reconnects with the last id it got gets what came after, and nothing twice.
    const second = (await t.call('POST', `/api/companies/${alpha}/notes`, { body: { text: 'Anden note' } })).body;
    const resumed = await readEvents(await open(restricted, first.id), (events) => events.length >= 1, 6000);
    expect(resumed.map((e) => e.id)).toEqual([second.id]);
  });

  it('describes how each kind of timeline event is shown, and filters a timeline by source and text', async () => {
    const types = checkAnswer(await t.call('GET', '/api/timeline/types')).body.items;
    expect(types).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'note.added', source: 'core', icon: 'note', title: { da: 'Note', en: 'Note' } })]));
    await t.call('POST', `/api/companies/${beta}/notes`, { body: { text: 'Tilbud på 40 meter tagrende' } });
    const notes = checkAnswer(await t.call('GET', `/api/companies/${beta}/timeline?source=note&q=tagrende`)).body.items;
    expect(notes.map((e: { payload: { text: string } }) => e.payload.text)).toEqual(['Tilbud på 40 meter tagrende']);
    const created = checkAnswer(await t.call('GET', `/api/companies/${beta}/timeline?source=company`)).body.items;
    expect(created.map((e: { type: string }) => e.type)).toEqual(['company.created']);
  });
});
