/**
 * <crm-chat> in headless Chromium, on a demo page served with a strict CSP
 * (script-src 'self', style-src 'self', no 'unsafe-inline', no 'unsafe-eval') against a stub of
 * the chat API. Every test also fails on any CSP violation or uncaught page error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWidgets } from '../../../scripts/build-widgets.ts';
import { cspViolations, events, focused, launch, SKIP_BROWSER, watch } from './support/browser.ts';
import { SITE_KEY, startStub, XSS_TEXT, type Stub } from './support/stub-server.ts';

const T = 30_000;

describe.skipIf(SKIP_BROWSER)('<crm-chat> in Chromium under a strict CSP', () => {
  let browser: Browser;
  let stub: Stub;
  let dir: string;
  let contexts: BrowserContext[] = [];
  let pages: Array<{ page: Page; problems: string[] }> = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'crm-chat-'));
    await buildWidgets({ outdir: dir });
    [stub, browser] = await Promise.all([startStub(dir), launch()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stub?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    try {
      for (const { page, problems } of pages) {
        if (!page.isClosed()) expect(await cspViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      }
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
      contexts = [];
      pages = [];
    }
  });

  /** A fresh browser profile (empty localStorage) on the demo page. */
  async function visit(query = '', options: BrowserContextOptions = {}, before?: (page: Page) => void): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', ...options });
    contexts.push(context);
    const page = await context.newPage();
    pages.push({ page, problems: watch(page) });
    before?.(page);
    await page.goto(`${stub.origin}/?${query}`);
    await page.evaluate(() => customElements.whenDefined('crm-chat'));
    return page;
  }

  const widget = (page: Page) => page.locator('crm-chat');
  const launcher = (page: Page) => widget(page).locator('[part=launcher]');
  const panel = (page: Page) => widget(page).locator('[part=panel]');
  const input = (page: Page) => widget(page).locator('textarea');
  const botMessages = (page: Page) => widget(page).locator('.log .msg.bot');

  /** Type a question, send it with Enter and wait for the finished answer. */
  async function ask(page: Page, text: string): Promise<void> {
    const before = await botMessages(page).count();
    await input(page).fill(text);
    await input(page).press('Enter');
    await botMessages(page).nth(before).waitFor();
  }

  const session = (page: Page) =>
    page.evaluate((key) => JSON.parse(localStorage.getItem(`crm-chat:${key}`) ?? '{}') as { session_id?: string; visitor_token?: string }, SITE_KEY);

  it('loads only chat.js before the chat is opened; opening loads the panel and moves focus into it', { timeout: T }, async () => {
    const fetched: string[] = [];
    const page = await visit('', {}, (p) =>
      p.on('request', (r) => {
        const { pathname } = new URL(r.url());
        if (pathname.startsWith('/widgets/') || pathname.startsWith('/api/')) fetched.push(pathname);
      }),
    );
    expect(fetched).toEqual(['/widgets/chat.js']);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    expect(await launcher(page).getAttribute('aria-label')).toBe('Open chat');
    expect(await panel(page).count()).toBe(0);

    await launcher(page).click();
    await panel(page).waitFor();
    expect(await focused(page)).toBe('text');
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    expect(await panel(page).getAttribute('role')).toBe('dialog');
    expect(fetched.some((p) => /^\/widgets\/panel-[\w]+\.js$/.test(p))).toBe(true);
    await page.waitForFunction(() => document.querySelector('crm-chat')?.shadowRoot?.querySelector('.log')?.getAttribute('aria-busy') === 'false');
    expect(fetched).toContain('/api/chat/sessions');
    expect((await events(page)).map((e) => e.type)).toEqual(['crm-chat-open']);
    // One greeting, before and after the session exists.
    expect(await botMessages(page).first().textContent()).toContain('Hi! Ask me anything about our products and services.');
  });

  it('Escape closes the panel and focus returns to the launcher', { timeout: T }, async () => {
    const page = await visit();
    await launcher(page).click();
    await panel(page).waitFor();
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('launcher');
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    // The close button does the same.
    await launcher(page).click();
    await panel(page).waitFor();
    await widget(page).locator('[part=close]').click();
    await panel(page).waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('launcher');
    expect((await events(page)).map((e) => e.type)).toEqual(['crm-chat-open', 'crm-chat-close', 'crm-chat-open', 'crm-chat-close']);
  });

  it('streams a Danish answer with a citation link and the safe Markdown subset', { timeout: T }, async () => {
    const page = await visit('lang=da');
    await launcher(page).click();
    await input(page).fill('Hvornår har I åbent?');
    await input(page).press('Enter');
    // A typing indicator while the server retrieves, announced politely.
    const typing = widget(page).locator('[part=typing]');
    await typing.waitFor();
    expect(await typing.getAttribute('role')).toBe('status');
    expect(await typing.textContent()).toBe('Assistenten skriver…');
    // The answer streams in: a partial bubble first (hidden from screen readers until done).
    const streaming = widget(page).locator('.streaming');
    await streaming.waitFor();
    expect(await streaming.getAttribute('aria-hidden')).toBe('true');
    const partial = (await streaming.textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(60);

    const answer = botMessages(page).nth(1);
    await answer.waitFor();
    expect(await answer.textContent()).toContain('Vi har åbent mandag til fredag kl. 7-16 [1].');
    expect(await answer.locator('strong').textContent()).toBe('mandag til fredag');
    const citation = answer.locator('a[part=citation]');
    expect(await citation.textContent()).toBe('Åbningstider');
    expect(await citation.getAttribute('href')).toBe(`${stub.origin}/kb/aabningstider`);
    expect(await citation.getAttribute('rel')).toContain('noopener');
    expect(await answer.locator('a[part=link]').getAttribute('href')).toBe('https://example.dk/kontakt');
    expect(await answer.textContent()).toContain('Kilder');
    expect(await streaming.count()).toBe(0);
    // The new message is in the polite live region.
    expect(await widget(page).locator('.log').getAttribute('aria-live')).toBe('polite');

    const post = stub.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).at(-1);
    expect(post?.accept).toBe('text/event-stream');
    expect(post?.authorization).toBe(`Bearer ${(await session(page)).visitor_token}`);
    expect(post?.body).toEqual({ text: 'Hvornår har I åbent?' });
    const created = stub.requests.filter((r) => r.path === '/api/chat/sessions').at(-1);
    expect(created?.body).toEqual({ site_key: SITE_KEY, lang: 'da' });
  });

  it('keeps the conversation across a reload (and reopens without stealing focus)', { timeout: T }, async () => {
    const page = await visit();
    await launcher(page).click();
    await ask(page, 'When are you open?');
    const { visitor_token } = await session(page);

    await page.reload();
    await panel(page).waitFor();
    await widget(page).locator('.log .msg.visitor').waitFor();
    expect(await focused(page)).toBe(null);
    expect(await widget(page).locator('.log .msg.visitor').textContent()).toContain('When are you open?');
    expect(await botMessages(page).nth(1).locator('a[part=citation]').count()).toBe(1);
    const resumed = stub.requests.filter((r) => r.path === '/api/chat/sessions').at(-1);
    expect(resumed?.body).toMatchObject({ visitor_token });

    // Closed stays closed across a reload; opening shows the history.
    await page.keyboard.press('Tab');
    await widget(page).locator('[part=close]').click();
    await page.reload();
    await page.evaluate(() => customElements.whenDefined('crm-chat'));
    expect(await panel(page).count()).toBe(0);
    await launcher(page).click();
    await widget(page).locator('.log .msg.visitor').waitFor();
    expect(await botMessages(page).count()).toBe(2);
  });

  it('offers the lead form when the bot is unsure; submitting fires crm-chat-lead; the honeypot stays hidden', { timeout: T }, async () => {
    const page = await visit();
    await launcher(page).click();
    await ask(page, 'Something unsure');
    const form = widget(page).locator('[part=lead-form]');
    await form.waitFor();
    expect(await form.textContent()).toContain('I am not sure about that one');
    expect(await widget(page).locator('[part=handoff-offer]').count()).toBe(1);

    const honeypot = form.locator('input[name=website]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.evaluate((el) => el.closest('[aria-hidden=true]') !== null)).toBe(true);
    const box = await honeypot.boundingBox();
    expect(box === null || box.x + box.width <= 0).toBe(true);
    // Every field is labelled.
    for (const name of ['email', 'name', 'phone', 'company']) {
      expect(await form.locator(`input[name=${name}]`).evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim())).toBeTruthy();
    }

    await form.locator('input[name=email]').fill('anna@jensens-vvs.dk');
    await form.locator('input[name=name]').fill('Anna Jensen');
    await form.locator('input[name=company]').fill('Jensens VVS ApS');
    await form.locator('[part=lead-submit]').click();
    await form.waitFor({ state: 'detached' });
    const lead = (await events(page)).find((e) => e.type === 'crm-chat-lead');
    expect(lead?.detail).toEqual({ email: 'anna@jensens-vvs.dk', name: 'Anna Jensen', company: 'Jensens VVS ApS' });
    const id = (await session(page)).session_id ?? '';
    expect(stub.sessions.get(id)?.leads).toEqual([{ email: 'anna@jensens-vvs.dk', name: 'Anna Jensen', company: 'Jensens VVS ApS', website: '' }]);
    expect(await widget(page).locator('.msg.note').last().textContent()).toContain('Thanks!');
    expect(await focused(page)).toBe('text');
  });

  it('talk to a person: staff replies arrive live, and count as unread while the panel is closed', { timeout: T }, async () => {
    const page = await visit();
    await launcher(page).click();
    await page.waitForFunction(() => document.querySelector('crm-chat')?.shadowRoot?.querySelector('.log')?.getAttribute('aria-busy') === 'false');
    await widget(page).locator('[part=handoff]').click();
    await widget(page).locator('[part=lead-form]').waitFor();
    expect(await focused(page)).toBe('email');
    const id = (await session(page)).session_id ?? '';
    expect(stub.sessions.get(id)?.handoff).toBe(true);
    await expect.poll(() => stub.sessions.get(id)?.streams.size).toBe(1);

    stub.staffReply(id, 'Hej, det er Mette. Hvad kan jeg gøre?');
    await widget(page).locator('.log .msg.staff').waitFor();
    expect(await widget(page).locator('.log .msg.staff').textContent()).toContain('Mette');

    await page.keyboard.press('Escape');
    stub.staffReply(id, 'Are you still there?');
    const badge = widget(page).locator('[part=badge]');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('1');
    expect(await launcher(page).getAttribute('aria-label')).toBe('Open chat, 1 unread message');
    await launcher(page).click();
    await badge.waitFor({ state: 'hidden' });
    expect(await widget(page).locator('.log .msg.staff').count()).toBe(2);

    // After a reload the pending handoff still listens, and the badge counts while closed.
    await page.keyboard.press('Escape');
    await page.reload();
    await expect.poll(() => stub.sessions.get(id)?.streams.size).toBe(1);
    stub.staffReply(id, 'Ring gerne på 12 34 56 78.');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('1');
  });

  it('renders markup in messages as text: no <img onerror>, no <script>, no javascript: links', { timeout: T }, async () => {
    const page = await visit();
    await launcher(page).click();
    await ask(page, 'xss please');
    const check = async () => {
      const answer = botMessages(page).filter({ hasText: 'Look:' });
      await answer.waitFor();
      const text = (await answer.textContent()) ?? '';
      expect(text).toContain('<img src=x onerror=window.__xss=1>');
      expect(text).toContain('<script>window.__xss=2</script>');
      expect(text).toContain('[click](javascript:window.__xss=3)');
      expect(await answer.locator('strong').textContent()).toBe('done');
      expect(await widget(page).locator('img, script').count()).toBe(0);
      const hrefs = await widget(page).locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
      // The javascript: citation is shown as its title, as text.
      expect(await answer.locator('.cites li').first().textContent()).toContain('<img src=x onerror=window.__xss=4>');
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    };
    await check();
    expect(XSS_TEXT).toContain('onerror');

    const id = (await session(page)).session_id ?? '';
    await expect.poll(() => stub.sessions.get(id)?.streams.size).toBe(1);
    stub.staffReply(id, '<img src=x onerror=window.__xss=6><b>bold?</b>');
    await widget(page).locator('.log .msg.staff').waitFor();
    expect(await widget(page).locator('.log .msg.staff').textContent()).toContain('<img src=x onerror=window.__xss=6><b>bold?</b>');

    await page.reload(); // history path
    await check();
    expect(await widget(page).locator('.log .msg.staff').textContent()).toContain('<b>bold?</b>');
  });

  it('speaks Danish or English: the lang attribute, else the page language, else the browser language', { timeout: T }, async () => {
    const cases: Array<[string, string, string]> = [
      ['lang=da', 'en-US', 'Åbn chat'],
      ['htmllang=da', 'en-US', 'Åbn chat'],
      ['htmllang=en', 'da-DK', 'Open chat'],
      ['', 'da-DK', 'Åbn chat'],
      ['lang=en&htmllang=da', 'da-DK', 'Open chat'],
    ];
    for (const [query, locale, label] of cases) {
      const page = await visit(query, { locale });
      expect(await launcher(page).getAttribute('aria-label'), `${query} ${locale}`).toBe(label);
    }
    const page = await visit('lang=da');
    await launcher(page).click();
    expect(await input(page).getAttribute('placeholder')).toBe('Skriv en besked…');
    expect(await widget(page).locator('[part=title]').textContent()).toBe('Chat med os');
    expect(await widget(page).locator('[part=handoff]').textContent()).toBe('Tal med et menneske');
    await botMessages(page).filter({ hasText: 'Hej! Spørg mig om vores produkter og ydelser.' }).waitFor();
    // Switching the attribute at run time switches the texts.
    await page.evaluate(() => document.querySelector('crm-chat')?.setAttribute('lang', 'en'));
    expect(await input(page).getAttribute('placeholder')).toBe('Write a message…');
    expect(await launcher(page).getAttribute('aria-label')).toBe('Close chat');
  });

  it('works with the keyboard alone', { timeout: T }, async () => {
    const page = await visit();
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('launcher');
    await page.keyboard.press('Enter');
    await panel(page).waitFor();
    expect(await focused(page)).toBe('text');
    await page.keyboard.type('Something unsure');
    await page.keyboard.press('Enter');
    await widget(page).locator('[part=lead-form]').waitFor();
    expect(await focused(page)).toBe('text');
    // Back through the form to the email field; the honeypot is never reached.
    const seen: Array<string | null> = [];
    for (let i = 0; i < 12 && (await focused(page)) !== 'email'; i++) {
      await page.keyboard.press('Shift+Tab');
      seen.push(await focused(page));
    }
    expect(seen).not.toContain('website');
    expect(await focused(page)).toBe('email');
    await page.keyboard.type('ole@example.dk');
    await page.keyboard.press('Enter');
    await widget(page).locator('[part=lead-form]').waitFor({ state: 'detached' });
    expect((await events(page)).some((e) => e.type === 'crm-chat-lead')).toBe(true);
    expect(await focused(page)).toBe('text');
    // Tab reaches Send; Escape closes and focus returns; Space reopens.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('send');
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('launcher');
    await page.keyboard.press('Space');
    await panel(page).waitFor();
    expect(await focused(page)).toBe('text');
    // Every button in the widget has an accessible name.
    const unnamed = await widget(page)
      .locator('button')
      .evaluateAll((buttons) => buttons.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length);
    expect(unnamed).toBe(0);
  });

  it('says the chat is not set up for this website when the site key or origin is refused, not that the connection failed', { timeout: T }, async () => {
    const page = await visit('key=site_refused');
    await launcher(page).click();
    const alert = widget(page).locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The chat is not set up for this website yet. Please contact us another way.');
    expect(await botMessages(page).first().textContent()).toContain('Hi! Ask me anything about our products and services.');
  });

  it('shows a clear message on 429 and gives the text back', { timeout: T }, async () => {
    const page = await visit();
    await launcher(page).click();
    await input(page).fill('spam spam');
    await input(page).press('Enter');
    const alert = widget(page).locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Too many messages. Try again in 7 seconds.');
    expect(await input(page).inputValue()).toBe('spam spam');
    expect(await widget(page).locator('.log .msg.visitor').count()).toBe(0);
  });

  it('JS API: open(), close(), identify() prefills the lead form and sends the lead', { timeout: T }, async () => {
    const page = await visit();
    await page.evaluate(() => document.querySelector('crm-chat')?.identify({ name: 'Bo' }));
    await page.evaluate(() => document.querySelector('crm-chat')?.open());
    await panel(page).waitFor();
    expect(await focused(page)).toBe('text');
    await ask(page, 'Something unsure');
    const form = widget(page).locator('[part=lead-form]');
    await form.waitFor();
    expect(await form.locator('input[name=name]').inputValue()).toBe('Bo');
    expect(await form.locator('input[name=email]').inputValue()).toBe('');
    const id = (await session(page)).session_id ?? '';
    expect(stub.sessions.get(id)?.leads).toEqual([]); // no email yet, nothing sent

    await page.evaluate(() => document.querySelector('crm-chat')?.identify({ email: 'bo@firma.dk' }));
    await expect.poll(() => stub.sessions.get(id)?.leads).toEqual([{ email: 'bo@firma.dk', name: 'Bo', website: '' }]);
    expect(await form.locator('input[name=email]').inputValue()).toBe('bo@firma.dk');
    expect((await events(page)).some((e) => e.type === 'crm-chat-lead')).toBe(false); // only the form fires it

    await page.evaluate(() => document.querySelector('crm-chat')?.close());
    await panel(page).waitFor({ state: 'hidden' });
    expect((await events(page)).map((e) => e.type)).toEqual(['crm-chat-open', 'crm-chat-close']);
  });

  it('is themable (custom properties, ::part, dark mode) and full-screen on a phone', { timeout: T }, async () => {
    const page = await visit('class=custom&theme=dark');
    const style = (loc: ReturnType<typeof launcher>, prop: string) => loc.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
    expect(await style(launcher(page), 'background-color')).toBe('rgb(4, 5, 6)');
    expect(await style(launcher(page), 'border-top-left-radius')).toBe('7px');
    await launcher(page).click();
    expect(await style(panel(page), 'background-color')).toBe('rgb(23, 25, 30)');

    const light = await visit('', { colorScheme: 'light' });
    await launcher(light).click();
    expect(await style(panel(light), 'background-color')).toBe('rgb(255, 255, 255)');
    const dark = await visit('', { colorScheme: 'dark' });
    await launcher(dark).click();
    expect(await style(panel(dark), 'background-color')).toBe('rgb(23, 25, 30)');
    const forcedLight = await visit('theme=light', { colorScheme: 'dark' });
    await launcher(forcedLight).click();
    expect(await style(panel(forcedLight), 'background-color')).toBe('rgb(255, 255, 255)');

    const phone = await visit('', { viewport: { width: 375, height: 700 } });
    await launcher(phone).click();
    expect(await panel(phone).boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 700 });
    await phone.keyboard.press('Escape');
    expect(await focused(phone)).toBe('launcher');
  });

  it('a second copy of the script does not redefine the element', { timeout: T }, async () => {
    const page = await visit('dup=1');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => typeof customElements.get('crm-chat'))).toBe('function');
    expect(await launcher(page).count()).toBe(1);
    await launcher(page).click();
    await panel(page).waitFor();
  });
});
