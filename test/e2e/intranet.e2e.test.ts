/**
 * Issue 9, end to end: the real server (`node bin/crm.js start`, chat on, no demo), the built
 * widgets and intranet app it serves, and headless Chromium at 1280×800 and 390×844. Staff sign
 * in with the printed link; find a company and see chat and notes on its one timeline; answer a
 * waiting chat from the inbox while the visitor's website shows the answer; edit a knowledge
 * article and see the chatbot's test answer change; search; an event appears live; a page whose
 * widgets hold an embed token restricted to one company sees only that company. Every page is
 * checked with axe (no serious or critical violation), and the main tasks are done by keyboard
 * alone. Screenshots go to test-artifacts/screenshots/ (not committed).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../scripts/build-app.ts';
import { buildWidgets } from '../../scripts/build-widgets.ts';
import { launch, SKIP_BROWSER, watch } from '../../widgets/chat/test/support/browser.ts';
import { freePort } from '../support/net.ts';
import { type Crm, startCrm } from './support/servers.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const T = 120_000;

describe.skipIf(SKIP_BROWSER)('the intranet: real server, built widgets and app, Chromium', () => {
  let crm: Crm;
  let browser: Browser;
  let embedPage: { origin: string; close: () => Promise<void> };
  const contexts: BrowserContext[] = [];
  let jensens = '';
  let other = '';
  let signinLink = '';

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    expect((await buildWidgets()).over).toEqual([]);
    await buildApp();
    const embedPort = await freePort();
    [crm, browser] = await Promise.all([startCrm(['chat'], { DEMO: 'false', CORS_ORIGINS: `http://127.0.0.1:${embedPort}` }), launch()]);
    signinLink = /Intranet:\s+(\S+#signin=[\w-]+)/.exec(crm.output())?.[1] ?? '';
    expect(signinLink, crm.output()).toContain('/app/#signin=');
    embedPage = await startEmbedPage(embedPort, crm.origin);

    jensens = (await crm.api('POST', '/api/companies', { name: 'Jensens VVS ApS', domain: 'jensens-vvs.dk', attributes: { city: 'Holstebro' } })).body.id;
    other = (await crm.api('POST', '/api/companies', { name: 'Andersen Byg A/S', domain: 'andersen-byg.dk' })).body.id;
    await crm.api('POST', '/api/contacts', { company_id: jensens, name: 'Mette Jensen', email: 'mette@jensens-vvs.dk' });
    await crm.api('POST', `/api/companies/${other}/notes`, { text: 'Hemmeligt tilbud til Andersen om zinktag' });
    const article = await crm.api('POST', '/api/knowledge', { title: 'Åbningstider', body: 'Vi har åbent mandag til fredag kl. 7-16.', visibility: 'public' });
    await waitForJob(crm, article.body.job_id);
    await crm.api('POST', '/api/chat/sites', { name: 'Demo', allowed_origins: [crm.origin] });
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await embedPage?.close();
    await crm?.stop();
  });

  async function open(url: string, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'da-DK' });
    contexts.push(context);
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(url);
    return { page, problems };
  }

  async function signIn(viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<{ page: Page; problems: string[] }> {
    const link = (await crm.api('POST', `/api/users/${await adminUserId(crm)}/signin-link`, {})).body.url as string;
    const session = await open(link, viewport);
    await session.page.getByRole('heading', { name: 'Overblik' }).waitFor();
    return session;
  }

  async function axe(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), name).toEqual([]);
  }

  it('signs in with the link crm start printed, and shows the overview', { timeout: T }, async () => {
    const { page, problems } = await open(signinLink);
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    expect(page.url()).not.toContain('signin=');
    await expect.poll(() => page.getByText('Logget ind som').textContent()).toContain('Administrator');
    await axe(page, 'overview-desktop');
    // The link works once.
    const again = await open(signinLink);
    await again.page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await again.page.getByRole('alert').filter({ hasText: /sign-in link|login/i }).waitFor();
    await axe(again.page, 'signin-desktop');
    expect(problems).toEqual([]);
  });

  it('finds a company, opens its overview, and shows chat and notes on one timeline, live', { timeout: T }, async () => {
    // A visitor on the demo website asks something and leaves her details; staff confirm who she is.
    const visitor = await open(`${crm.origin}/site/`);
    await chatAsk(visitor.page, 'Hvornår har I åbent?');
    const session = JSON.parse(await visitor.page.evaluate(() => Object.values({ ...localStorage }).find((v) => v.includes('session_id')) ?? '{}'));
    const leadRes = await fetch(`${crm.origin}/api/chat/sessions/${session.session_id}/lead`, {
      method: 'POST', headers: { authorization: `Bearer ${session.visitor_token}`, 'content-type': 'application/json', origin: crm.origin },
      body: JSON.stringify({ email: 'mette@jensens-vvs.dk', name: 'Mette Jensen' }),
    });
    expect(leadRes.status).toBe(200);

    const { page, problems } = await signIn();
    // The overview lists the unverified lead; staff confirm it.
    await page.getByRole('button', { name: 'Bekræft mette@jensens-vvs.dk' }).click();
    await page.getByRole('status').filter({ hasText: 'Bekræft' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Kunder', exact: true }).click();
    await page.locator('crm-companies input[type=search]').fill('jensens');
    await page.locator('crm-companies').getByRole('button', { name: /Jensens VVS ApS/ }).click();
    await page.waitForURL(/\/app\/kunder\/[0-9a-f-]{36}$/);
    const company = page.locator('crm-company');
    await company.getByRole('heading', { name: 'Jensens VVS ApS' }).waitFor();
    await company.getByText('Holstebro').waitFor();
    await company.getByText('Mette Jensen').first().waitFor();
    // Staff add a note; the chat the visitor had is on the same timeline.
    await company.getByLabel('Skriv en note').fill('Ringede: vil have tilbud på 40 meter tagrende');
    await company.getByRole('button', { name: 'Tilføj note' }).click();
    await company.locator('[part=event][data-type="note.added"]').filter({ hasText: '40 meter tagrende' }).waitFor();
    await company.locator('[part=event][data-type="chat.message"]').filter({ hasText: 'Hvornår har I åbent?' }).waitFor();
    // An event from elsewhere (another person, the API) appears without a reload.
    await crm.api('POST', `/api/companies/${jensens}/notes`, { text: 'Kom fra et andet system' });
    await company.locator('[part=event]').filter({ hasText: 'Kom fra et andet system' }).waitFor({ timeout: 10_000 });
    // Only chat events, then a text search.
    await company.getByRole('button', { name: 'Chat', exact: true }).click();
    await expect.poll(() => company.locator('[part=event][data-type="note.added"]').count()).toBe(0);
    await axe(page, 'company-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await axe(page, 'company-phone');
    expect(problems).toEqual([]);
  });

  it('answers a waiting chat from the inbox, and the visitor sees the answer', { timeout: T }, async () => {
    const visitor = await open(`${crm.origin}/site/`);
    await chatAsk(visitor.page, 'Kan jeg tale med en medarbejder?');
    const { page, problems } = await signIn();
    await page.getByRole('navigation').getByRole('link', { name: 'Indbakke', exact: true }).click();
    const inbox = page.locator('crm-inbox');
    await inbox.locator('[part=item]').filter({ hasText: 'Kan jeg tale med en medarbejder?' }).first().click();
    await inbox.locator('[part=message]').filter({ hasText: 'Kan jeg tale med en medarbejder?' }).waitFor();
    await axe(page, 'inbox-desktop');
    await inbox.getByLabel('Dit svar til den besøgende').fill('Hej, det er Lars. Jeg ringer dig op om lidt.');
    await inbox.getByRole('button', { name: 'Send svar' }).click();
    await inbox.getByRole('status').filter({ hasText: 'Svaret er sendt.' }).waitFor();
    await visitor.page.locator('crm-chat .log .msg.staff').filter({ hasText: 'Jeg ringer dig op om lidt' }).waitFor({ timeout: 15_000 });
    await visitor.page.screenshot({ path: path.join(SHOTS, 'site-chat-desktop.png') });
    await inbox.getByRole('button', { name: 'Afslut' }).click();
    await inbox.getByRole('status').filter({ hasText: 'afsluttet' }).waitFor();
    await page.setViewportSize(VIEWPORTS.phone);
    await axe(page, 'inbox-phone');
    expect(problems).toEqual([]);
  });

  it("edits a knowledge article and the chatbot's test answer changes", { timeout: T }, async () => {
    const { page, problems } = await signIn();
    await page.getByRole('navigation').getByRole('link', { name: 'Viden', exact: true }).click();
    const knowledge = page.locator('crm-knowledge');
    await knowledge.getByLabel('Et spørgsmål en besøgende kunne stille').fill('Har I åbent om lørdagen?');
    await knowledge.getByRole('button', { name: 'Spørg' }).click();
    await knowledge.locator('[part=answer]').filter({ hasText: /mandag til fredag/ }).waitFor();
    expect(await knowledge.locator('[part=answer]').textContent()).not.toContain('lørdag');
    await knowledge.locator('[part=item]').filter({ hasText: 'Åbningstider' }).click();
    await knowledge.getByLabel('Tekst (Markdown)').fill('Vi har åbent mandag til fredag kl. 7-16 og lørdag kl. 9-12.');
    await knowledge.getByRole('button', { name: 'Gem' }).click();
    await knowledge.locator('[part=notice]').filter({ hasText: 'Gemt' }).waitFor();
    await knowledge.locator('[part=item]').filter({ hasText: 'Åbningstider' }).filter({ hasText: 'Klar' }).waitFor({ timeout: 20_000 });
    await knowledge.getByRole('button', { name: 'Spørg' }).click();
    await knowledge.locator('[part=answer]').filter({ hasText: 'lørdag kl. 9-12' }).waitFor();
    await axe(page, 'knowledge-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await axe(page, 'knowledge-phone');
    expect(problems).toEqual([]);
  });

  it('searches across what the caller may see, grouped by company and source', { timeout: T }, async () => {
    const { page, problems } = await signIn('phone');
    await page.getByRole('navigation').getByRole('link', { name: 'Søg', exact: true }).click();
    const search = page.locator('crm-search');
    await search.getByLabel('Søg i alt').fill('tilbud zinktag');
    await search.getByRole('button', { name: 'Søg', exact: true }).click();
    await search.getByRole('status').filter({ hasText: 'resultater' }).waitFor();
    await axe(page, 'search-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
    await axe(page, 'search-desktop');
    expect(problems).toEqual([]);
  });

  it('shows a page whose widgets hold an embed token for one company that company only', { timeout: T }, async () => {
    const key = (await crm.api('POST', '/api/keys', { name: 'Intranet for Jensens', scopes: ['crm:read', 'crm:write'], company_ids: [jensens] })).body.secret as string;
    const minted = await fetch(`${crm.origin}/api/embed-tokens`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ scopes: ['crm:read'], subject: 'Lis' }) });
    const { token } = (await minted.json()) as { token: string };
    const { page, problems } = await open(`${embedPage.origin}/?token=${encodeURIComponent(token)}`);
    const companies = page.locator('crm-companies');
    await companies.getByRole('button', { name: /Jensens VVS ApS/ }).waitFor();
    expect(await companies.locator('[part=item]').count()).toBe(1);
    await page.locator('crm-search').getByLabel('Søg i alt').fill('tilbud zinktag tagrende');
    await page.locator('crm-search').getByRole('button', { name: 'Søg', exact: true }).click();
    await page.locator('crm-search').getByRole('status').filter({ hasText: 'resultater' }).waitFor();
    expect(await page.locator('crm-search').textContent()).not.toContain('Andersen');
    await axe(page, 'embedded-desktop');
    expect(problems).toEqual([]);
  });

  it('does the main tasks with the keyboard alone', { timeout: T }, async () => {
    const { page } = await signIn();
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };
    const focusedName = () => page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return `${el?.tagName.toLowerCase()} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 40) ?? ''}`;
    });
    // The skip link first, then the navigation.
    await press('Tab');
    expect(await focusedName()).toContain('Spring til indhold');
    for (let i = 0; i < 12 && !(await focusedName()).includes('Kunder'); i++) await press('Tab');
    await press('Enter');
    await page.getByRole('heading', { name: 'Kunder' }).waitFor();
    for (let i = 0; i < 12 && !(await focusedName()).startsWith('input'); i++) await press('Tab');
    await page.keyboard.type('Jensens');
    await page.locator('crm-companies [part=item]').filter({ hasText: 'Jensens VVS ApS' }).waitFor();
    for (let i = 0; i < 12 && !(await focusedName()).includes('Jensens VVS ApS'); i++) await press('Tab');
    await press('Enter');
    await page.locator('crm-company').getByRole('heading', { name: 'Jensens VVS ApS' }).waitFor();
    for (let i = 0; i < 40 && !(await focusedName()).startsWith('textarea'); i++) await press('Tab');
    await page.keyboard.type('Skrevet med tastaturet');
    await press('Tab');
    await press('Enter');
    await page.locator('crm-company [part=event]').filter({ hasText: 'Skrevet med tastaturet' }).waitFor();
  });
});

async function adminUserId(crm: Crm): Promise<string> {
  return ((await crm.api('GET', '/api/users')).body.items as { id: string; role: string }[]).find((u) => u.role === 'admin')!.id;
}

async function waitForJob(crm: Crm, id: string): Promise<void> {
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    if ((await crm.api('GET', `/api/jobs/${id}`)).body.status === 'succeeded') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

/** Opens the chat on the demo website and asks; waits for the bot's answer. */
async function chatAsk(page: Page, question: string): Promise<void> {
  await page.waitForFunction(() => Boolean(document.querySelector('crm-chat')?.getAttribute('site-key')));
  await page.locator('crm-chat [part=launcher]').click();
  const input = page.locator('crm-chat textarea');
  await input.waitFor();
  await page.waitForFunction(() => Object.values({ ...localStorage }).some((v) => v.includes('session_id')));
  const before = await page.locator('crm-chat .log .msg.bot').count();
  await input.fill(question);
  await input.press('Enter');
  await page.locator('crm-chat .log .msg.bot').nth(before).waitFor();
}

/** An intranet page on another origin whose widgets get an embed token from the query (as its backend would hand one over). */
async function startEmbedPage(port: number, crmOrigin: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const csp = `default-src 'self'; script-src 'self' ${crmOrigin}; connect-src ${crmOrigin}; style-src 'self'`;
  const script = `import { configureCrm } from '${crmOrigin}/widgets/companies.js';
await import('${crmOrigin}/widgets/search.js');
configureCrm({ apiBase: '${crmOrigin}', auth: { token: new URLSearchParams(location.search).get('token') } });`;
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    if (pathname === '/page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Security-Policy': csp });
      return res.end(script);
    }
    res.writeHead(pathname === '/' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Intranet</title><script type="module" src="/page.js"></script></head>
<body><main><h1>Jensens intranet</h1><crm-companies></crm-companies><crm-search></crm-search></main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
