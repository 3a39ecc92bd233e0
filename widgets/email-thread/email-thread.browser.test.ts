/**
 * <crm-email-thread> in headless Chromium, built as `npm run build:widgets` builds it, on a page
 * with the host app's strict CSP (no inline script or style), against a fake of the email API
 * (test/fake-server.ts). A thread of three messages: Danish dates, ours and theirs told apart,
 * the quoted history and signature folded behind a toggle (mouse, Enter and Space,
 * aria-expanded), the HTML version in a sandboxed frame where a script the sanitiser missed
 * never runs and the remote image is not fetched until "Vis billeder", the attachments (a
 * download of the document, the reason for the refused one), the "threaded by subject" note;
 * a reply sent (the POST body, the message appended, `crm-email-sent`) and one refused (409: the
 * plugin's detail shown); a new message arriving live. Then <crm-inbox> with the email waiting
 * next to the chats, and <crm-company>'s "Åbn tråd". axe on each; screenshots to
 * test-artifacts/screenshots/.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidgets } from '../../scripts/build-widgets.ts';
import { launch, SKIP_BROWSER, watch } from '../chat/test/support/browser.ts';
import { CONFLICT, DOCUMENT, type Fake, startFake, THREAD } from './test/fake-server.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');
const T = 60_000;

describe.skipIf(SKIP_BROWSER)('<crm-email-thread> in Chromium (fake email API)', () => {
  let browser: Browser;
  let fake: Fake;
  let dir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'crm-email-'));
    await mkdir(SHOTS, { recursive: true });
    expect((await buildWidgets({ outdir: dir })).over).toEqual([]);
    [fake, browser] = await Promise.all([startFake(dir), launch()]);
  }, 90_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await fake?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function visit(kind: 'thread' | 'inbox' | 'company', lang = 'da', viewport = { width: 1100, height: 900 }): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale: lang === 'da' ? 'da-DK' : 'en-GB', timezoneId: 'Europe/Copenhagen', viewport, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${fake.origin}/?page=${kind}&lang=${lang}`);
    return { page, problems };
  }

  const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: { type: string; detail: any }[] }).__events);
  const csp = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
  const hits = (file: string) => fake.requests.filter((r) => r.path === file).length;
  /** The part or tag of what has focus inside <crm-email-thread> (wherever it sits). */
  const focused = (page: Page) => page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('part') ?? el?.tagName.toLowerCase() ?? null;
  });

  /**
   * axe on the page, not inside the email frames: no script runs there, axe's neither (its
   * frame-by-frame run waits for them for ever), and what they hold is the sender's. The frame
   * element itself (its title) is checked.
   */
  async function axe(page: Page, name: string): Promise<void> {
    const results = await new AxeBuilder({ page }).setLegacyMode().options({ iframes: false }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), name).toEqual([]);
  }

  it('shows the conversation: Danish dates, ours and theirs, quoted text folded, attachments, the subject note', { timeout: T }, async () => {
    const { page, problems } = await visit('thread');
    const widget = page.locator('crm-email-thread');
    const messages = widget.locator('[part=message]');
    await expect.poll(() => messages.count()).toBe(3);
    expect(await widget.getByRole('heading', { level: 2 }).textContent()).toBe('Tilbud på tagrender');
    expect(await widget.locator('[part=participants]').textContent()).toContain('bogholderi@jensens-vvs.dk');
    expect(await widget.locator('[part=awaiting]').textContent()).toMatch(/^Venter på svar · for \d+ timer siden$/);

    // Sender, date the Danish way (Copenhagen time), direction in words and in looks.
    const [first, second, third] = [messages.nth(0), messages.nth(1), messages.nth(2)];
    expect(await first.getByRole('heading', { level: 3 }).textContent()).toBe('Mette Jensen, Fra kunden');
    expect(await first.locator('[part=date]').textContent()).toBe('2. dec. 2026 kl. 09.02');
    expect(await second.locator('[part=date]').textContent()).toBe('2. dec. 2026 kl. 10.14');
    expect(await second.getAttribute('data-direction')).toBe('out');
    expect(await second.locator('[part=direction]').textContent()).toBe('Sendt af os');
    const looks = await messages.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor + ' ' + getComputedStyle(e).borderInlineStartWidth));
    expect(looks[1]).not.toBe(looks[0]);
    expect(looks[2]).toBe(looks[0]);
    expect(await third.locator('.recipients').textContent()).toBe('Til: Lars Holm <lars@tagfirma.dk> · Cc: bogholderi@jensens-vvs.dk');

    // The new part shows; the history and the signature are folded behind a toggle.
    expect(await second.locator('[part=body]').textContent()).toBe('Hej Mette\n\nJa, det sender jeg i morgen.\n\nLars');
    const toggle = third.locator('[part=quoted-toggle]');
    expect(await toggle.textContent()).toBe('Vis citeret tekst');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await third.locator('[part=quoted]').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await third.locator('[part=quoted]').textContent()).toContain('Den 2. dec. 2026 kl. 10.14 skrev Lars Holm <lars@tagfirma.dk>:');
    expect(await toggle.textContent()).toBe('Skjul citeret tekst');
    // The keyboard: Enter and Space on the focused toggle.
    const toggle2 = second.locator('[part=quoted-toggle]');
    await toggle2.focus();
    expect(await focused(page)).toBe('quoted-toggle');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle2.getAttribute('aria-expanded')).toBe('true');
    expect(await second.locator('[part=signature]').textContent()).toBe('Lars Holm\nTagfirma ApS · tlf. 12 34 56 78');
    await page.keyboard.press('Space');
    await expect.poll(() => toggle2.getAttribute('aria-expanded')).toBe('false');
    expect(await second.locator('[part=quoted]').isVisible()).toBe(false);
    expect(await first.locator('[part=quoted-toggle]').count()).toBe(0);

    // Why the third is in the thread.
    expect(await third.locator('[part=reason-note]').textContent()).toContain('Sat i tråden efter emnet');
    expect(await first.locator('[part=reason-note]').count()).toBe(0);

    // Attachments: the document downloads (with the token), the refused one says why.
    const files = first.locator('[part=attachment]');
    expect(await files.count()).toBe(2);
    const link = files.nth(0).getByRole('link', { name: 'Tegning af taget.pdf' });
    expect(await link.getAttribute('href')).toBe(`${fake.origin}/api/documents/${DOCUMENT}/file`);
    expect(await files.nth(0).textContent()).toContain('48 kB');
    expect(await files.nth(1).locator('[part=attachment-note]').textContent()).toBe('Ikke gemt: faktura.exe er et Windows-program, ikke et dokument');
    expect(await files.nth(1).getByRole('link').count()).toBe(0);
    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Tegning af taget.pdf');
    expect((await readFile((await download.path())!)).toString()).toContain('%PDF-1.7');
    expect(fake.requests.find((r) => r.path === `/api/documents/${DOCUMENT}/file`)?.authorization).toMatch(/^Bearer /);

    const loaded = (await events(page)).filter((e) => e.type === 'crm-email-thread-loaded');
    expect(loaded[0]?.detail.thread.id).toBe(THREAD);
    await axe(page, 'email-thread');
    await page.screenshot({ path: path.join(SHOTS, 'email-thread.png'), fullPage: true });
    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the HTML in a sandbox: no script runs, no remote image loads until "Vis billeder"', { timeout: T }, async () => {
    const { page, problems } = await visit('thread');
    const widget = page.locator('crm-email-thread');
    const third = widget.locator('[part=message]').nth(2);
    await third.waitFor();
    const before = hits('/pixel.gif');
    await third.getByRole('button', { name: 'Vis med formatering' }).click();
    const frame = third.locator('iframe[part=html-frame]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    expect(await frame.getAttribute('title')).toBe('Indholdet af e-mailen: Tilbud på tagrender');
    const body = page.frameLocator('crm-email-thread >> iframe[part=html-frame]').locator('body');
    await body.getByText('Må vi få tilbuddet inden fredag?').waitFor();
    // The email's own styles apply (as a constructed sheet: the page's policy refuses inline styles).
    // (Looked at from the page: nothing is evaluated inside the frame, where no script runs.)
    expect(await frame.evaluate((f: HTMLIFrameElement) => getComputedStyle(f.contentDocument!.querySelector('div')!).fontFamily)).toContain('Georgia');
    // Tall enough for its content: no inner scrollbar for a short email.
    const [frameHeight, contentHeight] = await frame.evaluate((f: HTMLIFrameElement) => [f.clientHeight, f.contentDocument!.documentElement.scrollHeight]);
    expect(frameHeight).toBeGreaterThanOrEqual(contentHeight);
    await page.waitForTimeout(300);
    expect(hits('/pixel.gif') - before).toBe(0);
    expect(hits('/evil.js')).toBe(0);
    expect(await pwned(page)).toBeNull();
    expect(await third.locator('[part=images]').textContent()).toContain('Billeder fra internettet er ikke hentet');
    await axe(page, 'email-thread-html');
    await page.screenshot({ path: path.join(SHOTS, 'email-thread-html.png'), fullPage: true });

    await third.getByRole('button', { name: 'Vis billeder' }).click();
    await expect.poll(() => hits('/pixel.gif') - before).toBe(1);
    await expect.poll(() => frame.evaluate((f: HTMLIFrameElement) => f.contentDocument!.querySelector<HTMLImageElement>('img[alt="Jensens VVS logo"]')?.naturalWidth)).toBe(1);
    expect(await third.locator('[part=images]').textContent()).toContain('Billederne er hentet.');
    // Still nothing ran, and the links open outside the frame.
    expect(await pwned(page)).toBeNull();
    expect(hits('/evil.js')).toBe(0);
    await body.getByRole('link', { name: 'jensens-vvs.dk' }).waitFor();
    expect(await frame.evaluate((f: HTMLIFrameElement) => f.contentDocument!.querySelector('base')?.target)).toBe('_blank');
    // Back to text.
    await third.getByRole('button', { name: 'Vis som tekst' }).click();
    expect(await third.locator('iframe').count()).toBe(0);
    expect(await third.locator('[part=body]').textContent()).toBe('Tak, Lars!\n\nMå vi få tilbuddet inden fredag?');
    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('sends a reply (reply all), appends it and says so; a refused one shows the plugin\'s reason; a new message arrives live', { timeout: T }, async () => {
    const { page, problems } = await visit('thread');
    const widget = page.locator('crm-email-thread');
    const messages = widget.locator('[part=message]');
    await expect.poll(() => messages.count()).toBeGreaterThanOrEqual(3);
    const count = await messages.count();

    // Refused: 409 with the plugin's detail; the text stays to try again.
    fake.replyFails = true;
    const text = widget.getByLabel('Dit svar');
    await text.fill('Hej Mette, tilbuddet kommer i morgen før kl. 12.');
    await widget.getByRole('button', { name: 'Send svar' }).click();
    await expect.poll(() => widget.getByRole('button', { name: 'Sender…' }).count()).toBe(1);
    await widget.locator('[part=reply-error]').filter({ hasText: CONFLICT }).waitFor();
    expect(await widget.locator('[part=reply-error]').textContent()).toBe(`Svaret blev ikke sendt: ${CONFLICT}`);
    expect(await text.inputValue()).toBe('Hej Mette, tilbuddet kommer i morgen før kl. 12.');
    expect(await messages.count()).toBe(count);

    // Sent, to everyone.
    fake.replyFails = false;
    await widget.getByLabel('Svar alle').check();
    await widget.getByRole('button', { name: 'Send svar' }).click();
    await expect.poll(() => messages.count()).toBe(count + 1);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/email/threads/${THREAD}/reply`);
    expect(posts.at(-1)?.body).toEqual({ text: 'Hej Mette, tilbuddet kommer i morgen før kl. 12.', reply_all: true });
    expect(posts.at(-1)?.authorization).toMatch(/^Bearer /);
    const sent = messages.last();
    expect(await sent.getAttribute('data-direction')).toBe('out');
    expect(await sent.locator('[part=body]').textContent()).toBe('Hej Mette, tilbuddet kommer i morgen før kl. 12.');
    expect(await widget.locator('[part=notice]').textContent()).toBe('Svaret er sendt.');
    expect(await widget.locator('[part=reply-error]').textContent()).toBe('');
    expect(await text.inputValue()).toBe('');
    expect(await widget.locator('[part=awaiting]').count()).toBe(0);
    const sentEvents = (await events(page)).filter((e) => e.type === 'crm-email-sent');
    expect(sentEvents.map((e) => [e.detail.threadId, typeof e.detail.messageId])).toEqual([[THREAD, 'string']]);
    expect(sentEvents[0]!.detail.messageId).toBe(fake.thread.messages.at(-1)!.id);

    // Someone answers: the live event for this thread reloads it.
    const m = fake.receive({ new_text: 'Super, tak!' });
    fake.push('email.received', { message_id: m.id, thread_id: THREAD, subject: 'Tilbud på tagrender', from: { name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' }, snippet: 'Super, tak!', attachments: 0 });
    await expect.poll(() => messages.last().locator('[part=body]').textContent(), { timeout: 10_000 }).toBe('Super, tak!');
    // An event of another thread does not.
    const reads = fake.requests.filter((r) => r.path === `/api/email/threads/${THREAD}`).length;
    fake.push('email.received', { message_id: 'x', thread_id: '019b0c8e-9999-7c41-9d3e-2b8f6a1c0e47', subject: 'Andet', snippet: '', attachments: 0 });
    await page.waitForTimeout(600);
    expect(fake.requests.filter((r) => r.path === `/api/email/threads/${THREAD}`).length).toBe(reads);

    // Ctrl+Enter sends from the keyboard; an empty box sends nothing.
    await text.focus();
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(200);
    expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(posts.length);
    await axe(page, 'email-thread-reply');
    await page.screenshot({ path: path.join(SHOTS, 'email-thread-reply.png'), fullPage: true });
    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('in English on a phone', { timeout: T }, async () => {
    const { page, problems } = await visit('thread', 'en', { width: 390, height: 844 });
    const widget = page.locator('crm-email-thread');
    await widget.locator('[part=message]').first().waitFor();
    expect(await widget.locator('[part=message]').first().locator('[part=date]').textContent()).toMatch(/^2 Dec 2026, 09:02$/);
    expect(await widget.locator('[part=quoted-toggle]').first().textContent()).toBe('Show quoted text');
    expect(await widget.locator('[part=reason-note]').textContent()).toContain('Threaded by subject');
    await widget.getByRole('button', { name: 'Show formatted' }).click();
    await widget.locator('iframe').waitFor();
    await axe(page, 'email-thread-phone');
    await page.screenshot({ path: path.join(SHOTS, 'email-thread-phone.png'), fullPage: true });
    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('<crm-inbox> lists the email waiting for an answer next to the chats, and opens it', { timeout: T }, async () => {
    const { page, problems } = await visit('inbox');
    const inbox = page.locator('crm-inbox');
    const emails = inbox.getByRole('button', { name: /^E-mails/ });
    await expect.poll(async () => (await emails.count()) && (await emails.textContent())).toMatch(/^E-mails\s*1/);
    // The chats are there as before.
    await inbox.locator('[part=item]').filter({ hasText: 'Kan jeg tale med en medarbejder?' }).waitFor();
    await emails.click();
    expect(await emails.getAttribute('aria-pressed')).toBe('true');
    const item = inbox.locator('[part=email-item]');
    expect(await item.count()).toBe(1);
    const text = await item.textContent();
    for (const part of ['Jensens VVS ApS', 'Tilbud på tagrender', fake.thread.snippet!]) expect(text).toContain(part);
    expect(text).toMatch(/Venter på svar · (for .+ siden|lige nu)/);
    await item.click();
    const thread = inbox.locator('crm-email-thread');
    await expect.poll(() => thread.locator('[part=message]').count()).toBeGreaterThanOrEqual(3);
    expect(await thread.getAttribute('thread-id')).toBe(THREAD);
    expect(await thread.locator('[part=quoted-toggle]').first().textContent()).toBe('Vis citeret tekst');
    const counts = (await events(page)).filter((e) => e.type === 'crm-inbox-count').at(-1)?.detail;
    expect(counts?.chat).toBe(1);
    await axe(page, 'inbox-email');
    await page.screenshot({ path: path.join(SHOTS, 'inbox-email.png'), fullPage: true });
    // "Needs no answer": the thread stops waiting and the queue is read again.
    await thread.getByRole('button', { name: 'Kræver ikke svar' }).click();
    await thread.getByText('Tråden venter ikke længere på svar.').waitFor();
    expect(await thread.locator('[part=awaiting]').count()).toBe(0);
    expect(fake.requests.some((r) => r.method === 'POST' && r.path === `/api/email/threads/${THREAD}/handled`)).toBe(true);
    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('<crm-company> opens an email event\'s thread in place', { timeout: T }, async () => {
    const { page, problems } = await visit('company');
    const company = page.locator('crm-company');
    const event = company.locator('[part=event][data-type="email.received"]');
    await event.waitFor();
    const open = event.getByRole('button', { name: 'Åbn tråd: Tilbud på tagrender' });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await open.focus();
    await page.keyboard.press('Enter');
    const thread = event.locator('crm-email-thread');
    await expect.poll(() => thread.locator('[part=message]').count()).toBeGreaterThanOrEqual(3);
    expect(await event.getByRole('button', { name: 'Luk tråd: Tilbud på tagrender' }).getAttribute('aria-expanded')).toBe('true');
    await axe(page, 'company-email-thread');
    await page.screenshot({ path: path.join(SHOTS, 'company-email-thread.png'), fullPage: true });
    await event.getByRole('button', { name: 'Luk tråd: Tilbud på tagrender' }).click();
    expect(await event.locator('crm-email-thread').count()).toBe(0);
    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
