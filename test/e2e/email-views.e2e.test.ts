/**
 * The email views against the real thing: `node bin/crm.js start` with the email plugin, a
 * throw-away Dovecot IMAP server (test/support/dovecot.ts) holding a customer's mail, the built
 * widgets and intranet app, headless Chromium. An admin adds the mailbox in Indstillinger (a
 * refused form shows the server's reason; the new account is followed until its first sync is
 * done, with its counts and folders), syncs it again ("Synkronisér nu", followed every second),
 * and adds one with a wrong password (its state turns to error with the server's message). The
 * customer's mail then waits in the inbox's "E-mails", opens as <crm-email-thread> (quoted history
 * folded, HTML in the sandbox), opens in place from the company's timeline, and is answered
 * from the thread view: the reply goes out over SMTP (a real smtp-server) with In-Reply-To and
 * shows in the thread as ours. axe on each page; screenshots to test-artifacts/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../plugins/email/parse/index.ts';
import { rawMessage } from '../../plugins/email/parse/testing.ts';
import { buildApp } from '../../scripts/build-app.ts';
import { buildWidgets } from '../../scripts/build-widgets.ts';
import { launch, SKIP_BROWSER } from '../../widgets/chat/test/support/browser.ts';
import { type Dovecot, dovecotAvailable, startDovecot } from '../support/dovecot.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { expectAccessible, SHOTS, signInAsAdmin } from './support/intranet.ts';
import { type Crm, startCrm } from './support/servers.ts';

const T = 120_000;
const MAILBOX = 'kontor@tagfirma.dk';

describe.skipIf(SKIP_BROWSER || (!dovecotAvailable() && !process.env.CI))('the email views: real server, Dovecot, built widgets and app, Chromium', () => {
  let crm: Crm;
  let browser: Browser;
  let dovecot: Dovecot;
  let smtp: TestSmtpServer;
  const contexts: BrowserContext[] = [];
  let jensens = '';

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    expect((await buildWidgets()).over).toEqual([]);
    await buildApp();
    smtp = await startSmtpServer({ user: MAILBOX, password: 'rigtig-adgangskode' });
    [crm, browser, dovecot] = await Promise.all([
      startCrm(['chat', 'documents', 'email'], { DEMO: 'false', CRM_PLUGIN_EMAIL_SECRET_KEY: 'e2e-secret-key-for-the-mailbox-passwords-0123456789' }),
      launch(),
      startDovecot({ user: MAILBOX, password: 'rigtig-adgangskode' }),
    ]);
    jensens = (await crm.api('POST', '/api/companies', { name: 'Jensens VVS ApS', domain: 'jensens-vvs.dk' })).body.id;
    await dovecot.append('INBOX', rawMessage({
      from: 'Mette Jensen <mette@jensens-vvs.dk>', to: `Kontoret <${MAILBOX}>`, subject: 'Tilbud på tagrender', date: new Date(Date.now() - 3 * 3600_000),
      text: 'Hej\n\nMå vi få tilbuddet inden fredag?\n\nMed venlig hilsen\nMette Jensen\n\nDen 2. dec. 2026 kl. 10.14 skrev Lars Holm <kontor@tagfirma.dk>:\n> Ja, det sender jeg i morgen.\n',
      html: '<p>Hej</p><p><b>Må vi få tilbuddet inden fredag?</b></p><p>Med venlig hilsen<br>Mette Jensen</p><p><img src="https://tracker.example/p.gif" alt="Jensens VVS"></p>'
        + '<blockquote>Den 2. dec. 2026 kl. 10.14 skrev Lars Holm &lt;kontor@tagfirma.dk&gt;:<br>Ja, det sender jeg i morgen.</blockquote>',
    }));
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await crm?.stop();
    await dovecot?.stop();
    await smtp?.close();
  });

  it('adds the mailbox in Indstillinger, follows its sync, syncs again, and shows a failing one as an error', { timeout: T }, async () => {
    const { page, problems } = await signInAsAdmin(crm, browser, contexts);
    await page.getByRole('navigation').getByRole('link', { name: 'Indstillinger' }).click();
    const card = page.locator('section.email-accounts');
    await card.getByText('Ingen e-mailkonti endnu.').waitFor();
    const form = page.locator('form.email-account-form');
    const fill = async (fields: { name: string; host: string; password: string }) => {
      await form.getByLabel('Navn', { exact: true }).fill(fields.name);
      await form.getByLabel('Postkassens adresse').fill(MAILBOX);
      await form.getByRole('group', { name: 'IMAP-server (modtager)' }).getByLabel('Server').fill(fields.host);
      await form.getByRole('group', { name: 'IMAP-server (modtager)' }).getByLabel('Port', { exact: true }).fill(String(dovecot.port));
      await form.getByRole('group', { name: 'IMAP-server (modtager)' }).getByLabel(/TLS fra start/).uncheck();
      await form.getByLabel('Brugernavn').fill(MAILBOX);
      await form.getByLabel('Adgangskode eller token').fill(fields.password);
      await form.getByRole('button', { name: 'Tilføj konto' }).click();
    };

    // Refused: the server's reason, with the field.
    await fill({ name: 'Kontoret', host: 'ikke en server!', password: 'rigtig-adgangskode' });
    await expect.poll(() => card.getByRole('alert').textContent()).toContain('imap.host');

    // Added: followed until its first sync is done.
    await form.getByRole('group', { name: 'IMAP-server (modtager)' }).getByLabel('Server').fill('127.0.0.1');
    await form.getByRole('button', { name: 'Tilføj konto' }).click();
    await card.getByText('Kontoret er tilføjet. Første synkronisering er sat i gang.').waitFor();
    const account = card.locator('li.account').filter({ hasText: 'Kontoret' });
    await expect.poll(() => account.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok');
    expect(await account.locator('.badge.state').first().textContent()).toBe('OK');
    await expect.poll(() => account.locator('.facts').textContent(), { timeout: 10_000 }).toMatch(/Gemt1/);
    expect(await account.locator('.facts').textContent()).toMatch(/Sidst synkroniseret\d+\. \w+\.? \d{4} kl\. \d\d\.\d\d/);
    expect(await account.locator('table.folders tbody th').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('INBOX')]));
    await expect.poll(() => card.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Kontoret: Synkroniseringen er færdig.');

    // Sync now: followed every second until done.
    await account.getByRole('button', { name: 'Synkronisér nu: Kontoret' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Kontoret: Synkroniseringen er færdig.');
    const syncs = (await crm.api('GET', '/api/email/accounts')).body.items[0];
    expect(syncs.state).toBe('ok');

    // A wrong password: the account is there, its sync fails, and it says why.
    await fill({ name: 'Forkert', host: '127.0.0.1', password: 'forkert-adgangskode' });
    const wrong = card.locator('li.account').filter({ hasText: 'Forkert' });
    await expect.poll(() => wrong.getAttribute('data-state'), { timeout: 60_000 }).toBe('error');
    expect(await wrong.locator('.badge.state').first().textContent()).toBe('Fejl');
    expect(await wrong.locator('.problem').first().textContent()).toMatch(/^Seneste fejl: .+/);
    await expectAccessible(page, 'settings-email-accounts', { legacyMode: true, iframes: false });
    expect(problems).toEqual([]);
  });

  it('shows the waiting mail in the inbox and opens it, and opens the thread from the company timeline', { timeout: T }, async () => {
    const { page, problems } = await signInAsAdmin(crm, browser, contexts);
    await page.getByRole('navigation').getByRole('link', { name: 'Indbakke', exact: true }).click();
    const inbox = page.locator('crm-inbox');
    const emails = inbox.getByRole('button', { name: /^E-mails/ });
    await expect.poll(async () => ((await emails.count()) ? emails.textContent() : ''), { timeout: 30_000 }).toMatch(/^E-mails\s*1/);
    await emails.click();
    const item = inbox.locator('[part=email-item]').filter({ hasText: 'Tilbud på tagrender' });
    expect(await item.textContent()).toContain('Jensens VVS ApS');
    expect(await item.textContent()).toMatch(/Venter på svar · for 3 timer siden/);
    await item.click();
    const thread = inbox.locator('crm-email-thread');
    const message = thread.locator('[part=message]').first();
    await message.waitFor();
    expect(await message.locator('h3').textContent()).toBe('Mette Jensen, Fra kunden');
    expect(await message.locator('[part=body]').textContent()).toContain('Må vi få tilbuddet inden fredag?');
    expect(await message.locator('[part=body]').textContent()).not.toContain('skrev Lars Holm');
    const toggle = message.locator('[part=quoted-toggle]');
    await toggle.click();
    expect(await message.locator('[part=quoted]').textContent()).toContain('Den 2. dec. 2026 kl. 10.14 skrev Lars Holm');
    await message.getByRole('button', { name: 'Vis med formatering' }).click();
    await page.frameLocator('crm-inbox >> crm-email-thread >> iframe').getByText('Må vi få tilbuddet inden fredag?').waitFor();
    expect(await message.getByRole('button', { name: 'Vis billeder' }).count()).toBe(1);
    await expectAccessible(page, 'inbox-email-real', { legacyMode: true, iframes: false });

    await page.evaluate((id) => {
      history.pushState(null, '', `/app/kunder/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, jensens);
    const company = page.locator('crm-company');
    const event = company.locator('[part=event][data-type="email.received"]');
    await event.waitFor();
    await event.getByRole('button', { name: 'Åbn tråd: Tilbud på tagrender' }).click();
    await event.locator('crm-email-thread [part=message]').first().waitFor();
    await expectAccessible(page, 'company-email-real', { legacyMode: true, iframes: false });
    expect(problems).toEqual([]);
  });
  it('answers the thread from the thread view: sent over SMTP with its headers, shown as ours, no longer waiting', { timeout: T }, async () => {
    const account = (await crm.api('GET', '/api/email/accounts')).body.items.find((a: { name: string }) => a.name === 'Kontoret');
    const patched = await crm.api('PATCH', `/api/email/accounts/${account.id}`, { smtp: { host: '127.0.0.1', port: smtp.port, tls: false } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const { page, problems } = await signInAsAdmin(crm, browser, contexts);
    await page.getByRole('navigation').getByRole('link', { name: 'Indbakke', exact: true }).click();
    const inbox = page.locator('crm-inbox');
    await inbox.getByRole('button', { name: /^E-mails/ }).click();
    await inbox.locator('[part=email-item]').filter({ hasText: 'Tilbud på tagrender' }).click();
    const thread = inbox.locator('crm-email-thread');
    await thread.locator('[part=message]').first().waitFor();
    await thread.getByLabel('Dit svar').fill('Hej Mette\n\nTilbuddet kommer torsdag.\n\nLars');
    await thread.getByRole('button', { name: 'Send svar' }).click();
    await smtp.waitFor(1, 15_000);
    const sent = smtp.messages[0]!;
    expect(sent.to).toEqual(['mette@jensens-vvs.dk']);
    const parsed = await parseMessage(sent.raw);
    expect(parsed).toMatchObject({ subject: 'Re: Tilbud på tagrender', inReplyTo: expect.stringMatching(/@/) });
    const ours = thread.locator('[part=message][data-direction=out]');
    await ours.waitFor();
    expect(await ours.locator('[part=body]').textContent()).toContain('Tilbuddet kommer torsdag.');
    await page.screenshot({ path: path.join(SHOTS, 'email-reply-real.png'), fullPage: true });
    const waiting = (await crm.api('GET', '/api/email/waiting')).body.items as { subject: string }[];
    expect(waiting.map((w) => w.subject)).not.toContain('Tilbud på tagrender');
    expect(problems).toEqual([]);
  });
});
