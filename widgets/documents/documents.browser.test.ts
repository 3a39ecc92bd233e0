/**
 * <crm-documents> in headless Chromium, built as `npm run build:widgets` builds it, on a page
 * with a strict CSP (no inline script or style), against a fake of the documents API
 * (test/fake-server.ts; the real plugin was not there yet when this was written). Choose three
 * files (one a renamed program, refused), see each upload's progress bar and answer, the
 * extraction's progress until ready, the categories (one unsure with its suggestion), the text by
 * page, recategorise (PATCH), download the bytes, delete; drop a file again (a duplicate); axe.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidgets } from '../../scripts/build-widgets.ts';
import { launch, SKIP_BROWSER, watch } from '../chat/test/support/browser.ts';
import { COMPANY, type Fake, startFake } from './test/fake-server.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');
const T = 60_000;

/** A small but real-looking PDF (the fake sniffs `%PDF-`), padded so the upload takes a moment under throttling. */
function pdf(text: string, size = 200_000): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% ${text}\n`);
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

describe.skipIf(SKIP_BROWSER)('<crm-documents> in Chromium (fake documents API)', () => {
  let browser: Browser;
  let fake: Fake;
  let dir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'crm-documents-'));
    await mkdir(SHOTS, { recursive: true });
    expect((await buildWidgets({ outdir: dir })).over).toEqual([]);
    [fake, browser] = await Promise.all([startFake(dir), launch()]);
    fake.seed({ name: 'Kontrakt – serviceaftale 2025.pdf', category: 'contract', suggested_category: 'contract', category_confidence: 0.88, category_source: 'model', pages: 2, size: 48_213, created_at: '2025-11-03T09:12:00Z', visibility: 'public' }, ['Serviceaftale mellem Jensens VVS ApS og Nordlys Tag', 'Aftalen løber i 24 måneder.']);
    fake.seed({ name: 'scan_0042.pdf', status: 'needs_ocr', failure: { code: 'no_ocr', reason: 'Siderne er billeder, og Tesseract er ikke installeret' }, pages: 1, size: 912_004, created_at: '2025-12-14T15:40:00Z', indexed_at: null }, []);
  }, 90_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await fake?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function visit(lang = 'da'): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale: lang === 'da' ? 'da-DK' : 'en-GB', viewport: { width: 1180, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${fake.origin}/?lang=${lang}`);
    await page.evaluate(() => customElements.whenDefined('crm-documents'));
    return { page, problems };
  }

  const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: { type: string; detail: any }[] }).__events);
  const csp = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

  async function axe(page: Page, name: string): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), name).toEqual([]);
  }

  it('uploads three files with a progress bar each, refuses the program with the server\'s reason, and shows them read and classified', { timeout: T }, async () => {
    const { page, problems } = await visit('da');
    const widget = page.locator('crm-documents');
    await widget.locator('[part=document]').filter({ hasText: 'Kontrakt – serviceaftale 2025.pdf' }).waitFor();
    // Seeded: a contract and a scan that needs OCR, with Danish dates and sizes.
    const contract = widget.locator('[part=document]').filter({ hasText: 'Kontrakt – serviceaftale 2025.pdf' });
    expect(await contract.locator('[part=category]').textContent()).toBe('Kontrakt');
    expect(await contract.textContent()).toContain('88 %');
    expect(await contract.textContent()).toContain('3. nov. 2025');
    expect(await contract.textContent()).toContain('48 kB');
    expect(await contract.textContent()).toContain('Offentlig');
    expect(await widget.locator('[part=document]').filter({ hasText: 'scan_0042.pdf' }).locator('[part=status]').textContent()).toContain('Kræver OCR: Siderne er billeder');

    // Slow uploads down so the bars are seen moving.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400_000 });

    const chooser = page.waitForEvent('filechooser');
    await widget.getByRole('button', { name: 'Vælg filer' }).click();
    await (await chooser).setFiles([
      { name: 'Faktura 2026-117 Jensens VVS.pdf', mimeType: 'application/pdf', buffer: pdf('Faktura 2026-117') },
      { name: 'Tilbud på tagrender – æøå.pdf', mimeType: 'application/pdf', buffer: pdf('Tilbud', 150_000) },
      { name: 'prisliste.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(50_000)]) },
    ]);
    const uploads = widget.locator('[part=upload]');
    await expect.poll(() => uploads.count()).toBe(3);
    // Each file has its own <progress>, labelled; some bytes are seen going up before the end.
    expect(await widget.getByRole('progressbar', { name: 'Upload af Faktura 2026-117 Jensens VVS.pdf' }).count()).toBe(1);
    await expect.poll(async () => {
      const values = await widget.locator('[part=upload] progress').evaluateAll((bars) => bars.map((b) => (b as HTMLProgressElement).value / (b as HTMLProgressElement).max));
      return values.some((v) => v > 0 && v < 1);
    }, { timeout: 10_000, interval: 50 }).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'documents-uploading.png'), fullPage: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // The renamed program is refused with the server's detail; the two PDFs are uploaded.
    const refused = uploads.filter({ hasText: 'prisliste.pdf' });
    await refused.locator('[part=upload-problem]').waitFor();
    expect(await refused.getAttribute('data-state')).toBe('failed');
    expect(await refused.locator('[part=upload-problem]').textContent()).toBe('prisliste.pdf er et Windows-program (application/x-msdownload), ikke et dokument, vi kan læse.');
    // Then the text is read (progress from the document's status) until ready.
    await uploads.filter({ hasText: 'Faktura 2026-117' }).and(page.locator('[data-state=extracting]')).waitFor();
    await widget.getByRole('progressbar', { name: 'Tekstlæsning af Faktura 2026-117 Jensens VVS.pdf' }).waitFor();
    await expect.poll(() => uploads.filter({ hasText: 'Faktura 2026-117' }).getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    await expect.poll(() => uploads.filter({ hasText: 'Tilbud på tagrender' }).getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    // The live region sums the batch up.
    await expect.poll(() => widget.locator('[part=upload-summary]').textContent()).toBe('3 filer behandlet: 2 uploadet, 1 afvist.');
    expect(fake.maxInFlight).toBeLessThanOrEqual(3);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/documents');
    expect(posts).toHaveLength(3);
    expect(posts.every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);

    // The list: the invoice is unsure with its suggestion, the quote is a quote.
    const invoice = widget.locator('[part=document]').filter({ hasText: 'Faktura 2026-117 Jensens VVS.pdf' });
    await expect.poll(() => invoice.locator('[part=category]').textContent(), { timeout: 10_000 }).toBe('Usikker – foreslået: Faktura');
    await expect.poll(() => widget.locator('[part=document]').filter({ hasText: 'Tilbud på tagrender – æøå.pdf' }).locator('[part=category]').textContent()).toBe('Tilbud');
    expect(await invoice.textContent()).toContain('3 sider');
    expect(await invoice.textContent()).toContain('48 %');
    expect(await invoice.locator('[part=status]').textContent()).toContain('Klar');
    expect(await widget.locator('[part=document]').filter({ hasText: 'prisliste.pdf' }).count()).toBe(0);
    const uploaded = (await events(page)).filter((e) => e.type === 'crm-document-uploaded');
    expect(uploaded.map((e) => e.detail.document.name).sort()).toEqual(['Faktura 2026-117 Jensens VVS.pdf', 'Tilbud på tagrender – æøå.pdf']);

    // Open the invoice: its text by page.
    await invoice.getByRole('button', { name: 'Faktura 2026-117 Jensens VVS.pdf' }).click();
    const detail = widget.locator('[part=detail]');
    await detail.locator('[part=section]').first().waitFor();
    expect(await detail.locator('[part=section] h5').allTextContents()).toEqual(['Side 1', 'Side 2', 'Side 3']);
    expect(await detail.locator('[part=section][data-page="3"]').textContent()).toContain('Beløb i alt: 15.625,00 kr.');
    expect(await page.evaluate(() => document.querySelector('crm-documents')!.shadowRoot!.activeElement?.id)).toBe('detail-title');
    await axe(page, 'documents');
    await page.screenshot({ path: path.join(SHOTS, 'documents-fake.png'), fullPage: true });

    // Recategorise: the select sends a PATCH, the list shows the new category.
    await detail.getByLabel('Kategori').selectOption('invoice');
    await expect.poll(() => invoice.locator('[part=category]').textContent()).toBe('Faktura');
    const patch = fake.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ category: 'invoice' });
    expect(await widget.locator('[part=notice]').textContent()).toBe('Gemt.');
    // Public.
    await detail.getByLabel('Synlighed').selectOption('public');
    await expect.poll(() => fake.requests.filter((r) => r.method === 'PATCH').at(-1)?.body).toEqual({ visibility: 'public' });
    await expect.poll(() => invoice.textContent()).toContain('Offentlig');
    expect((await events(page)).filter((e) => e.type === 'crm-document-changed').map((e) => e.detail.document.category)).toEqual(['invoice', 'invoice']);

    // Download: the bytes, fetched with the bearer token and saved under the name as written.
    const downloading = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Hent' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Faktura 2026-117 Jensens VVS.pdf');
    const saved = await readFile((await download.path())!);
    expect(saved.equals(pdf('Faktura 2026-117'))).toBe(true);
    expect(fake.requests.find((r) => r.path.endsWith('/file'))?.authorization).toMatch(/^Bearer /);

    // Delete, after confirming (focus on the confirm button; the row goes).
    await detail.getByRole('button', { name: 'Slet', exact: true }).click();
    expect(await page.evaluate(() => document.querySelector('crm-documents')!.shadowRoot!.activeElement?.getAttribute('part'))).toBe('confirm-delete');
    await detail.getByRole('button', { name: 'Ja, slet' }).click();
    await expect.poll(() => invoice.count()).toBe(0);
    expect(fake.requests.some((r) => r.method === 'DELETE')).toBe(true);
    expect(await widget.locator('[part=notice]').textContent()).toBe('Faktura 2026-117 Jensens VVS.pdf er slettet.');
    expect((await events(page)).filter((e) => e.type === 'crm-document-deleted')).toHaveLength(1);

    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('takes dropped files (a duplicate answers with the existing document), filters by category, status and text, in English', { timeout: T }, async () => {
    const { page, problems } = await visit('en');
    // Listening from the start: the file chooser is intercepted by the time Enter opens it.
    const choosers: FileChooser[] = [];
    page.on('filechooser', (c) => choosers.push(c));
    const widget = page.locator('crm-documents');
    await widget.locator('[part=document]').first().waitFor();
    const dropzone = widget.locator('[part=dropzone]');
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'Tilbud på tagrender – æøå.pdf', { type: 'application/pdf' }));
      dt.items.add(new File(['Møde med Mette: 40 meter zinktagrende.'], 'Mødenoter.txt', { type: 'text/plain' }));
      return dt;
    }, [...pdf('Tilbud', 150_000)]);
    await dropzone.dispatchEvent('dragenter', { dataTransfer });
    await dropzone.dispatchEvent('dragover', { dataTransfer });
    expect(await dropzone.textContent()).toContain('Drop the files to upload them');
    await dropzone.dispatchEvent('drop', { dataTransfer });
    const uploads = widget.locator('[part=upload]');
    await expect.poll(() => uploads.filter({ hasText: 'Tilbud på tagrender' }).getAttribute('data-state')).toBe('duplicate');
    expect(await uploads.filter({ hasText: 'Tilbud på tagrender' }).textContent()).toContain('Already there');
    await expect.poll(() => uploads.filter({ hasText: 'Mødenoter.txt' }).getAttribute('data-state'), { timeout: 10_000 }).toBe('done');
    await expect.poll(() => widget.locator('[part=upload-summary]').textContent()).toBe('2 files done: 1 uploaded, 1 already there.');

    // Filters go to the server: category, status, text.
    await widget.getByLabel('Category').selectOption('quote');
    await expect.poll(() => widget.locator('[part=document]').count()).toBe(1);
    expect(fake.requests.some((r) => r.path.startsWith(`/api/documents?company_id=${COMPANY}`) && r.path.includes('category=quote'))).toBe(true);
    expect(await widget.locator('[part=document] [part=category]').textContent()).toBe('Quote');
    await widget.getByLabel('Category').selectOption('');
    await widget.getByLabel('Status').selectOption('needs_ocr');
    await expect.poll(() => widget.locator('[part=document]').allTextContents()).toEqual([expect.stringContaining('scan_0042.pdf')]);
    expect(await widget.locator('[part=document] [part=status]').textContent()).toContain('Needs OCR: ');
    await widget.getByLabel('Status').selectOption('');
    await widget.getByLabel('Search the documents').fill('mette');
    await expect.poll(() => widget.locator('[part=document]').allTextContents()).toEqual([expect.stringContaining('Mødenoter.txt')]);
    await widget.getByLabel('Search the documents').fill('nothing like this');
    await widget.getByText('No documents match the filters.').waitFor();
    await widget.getByLabel('Search the documents').fill('');
    await expect.poll(() => widget.locator('[part=document]').count()).toBeGreaterThan(2);

    // The keyboard: the file button opens the chooser with Enter; a document opens with Enter and Escape closes it.
    await widget.getByRole('button', { name: 'Choose files' }).focus();
    expect(await page.evaluate(() => document.querySelector('crm-documents')!.shadowRoot!.activeElement?.getAttribute('part'))).toBe('choose');
    await page.keyboard.press('Enter');
    await expect.poll(() => choosers.map((c) => c.isMultiple())).toEqual([true]);
    await widget.locator('[part=document] button.name').filter({ hasText: 'Mødenoter.txt' }).focus();
    await page.keyboard.press('Enter');
    await widget.locator('[part=section]').first().waitFor();
    expect(await widget.locator('[part=section] h5').allTextContents()).toEqual(['Part 1']);
    await page.keyboard.press('Escape');
    await expect.poll(() => widget.locator('[part=detail]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('crm-documents')!.shadowRoot!.activeElement?.textContent)).toBe('Mødenoter.txt');
    await axe(page, 'documents-en');
    await page.setViewportSize({ width: 390, height: 844 });
    await axe(page, 'documents-phone');
    await page.screenshot({ path: path.join(SHOTS, 'documents-phone.png'), fullPage: true });
    expect(await csp(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
