/**
 * <crm-documents> on the host app's company page, against the real server (`node bin/crm.js
 * start` with the documents plugin from plugins/documents/index.ts) and the built widgets and
 * app, in Chromium. Staff sign in with the printed link, open a customer, choose three files (a
 * three-page Danish PDF invoice, a short note the classifier is unsure about, and a Windows
 * program named .pdf that is refused), see each upload's bar and answer, the text read, the
 * categories (the note as "Usikker – foreslået: …"), the invoice's text by page, correct a
 * category (the server records the staff's choice), download the same bytes, delete it (gone
 * from the server too). axe on the page; screenshot to test-artifacts/screenshots/documents.png.
 * Skipped while the plugin is not in the tree.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../scripts/build-app.ts';
import { buildWidgets } from '../../scripts/build-widgets.ts';
import { type Crm, startCrm } from '../../test/e2e/support/servers.ts';
import { launch, SKIP_BROWSER, watch } from '../chat/test/support/browser.ts';

const PLUGIN = path.resolve(import.meta.dirname, '../../plugins/documents/index.ts');
const SHOTS = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');
const T = 120_000;

describe.skipIf(SKIP_BROWSER || !existsSync(PLUGIN))('<crm-documents> on the company page, real server with the documents plugin', () => {
  let crm: Crm;
  let browser: Browser;
  let company = '';
  let invoicePdf: Uint8Array;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    expect((await buildWidgets()).over).toEqual([]);
    await buildApp();
    const { textPdf } = await import('../../plugins/documents/testing/pdf.ts');
    invoicePdf = await textPdf([
      'Faktura nr. 2026-117\nJensens VVS ApS, CVR 12345678\nFakturadato: 2. marts 2026',
      'Linjer: 40 m zinktagrende à 312,50 kr.\nMoms 25 %: 3.125,00 kr.',
      'Beløb i alt: 15.625,00 kr.\nBetales senest 16. marts 2026 på konto 1234-5678901',
    ]);
    // Listed by path until the plugin is one of the built-ins by id.
    [crm, browser] = await Promise.all([startCrm(['chat', PLUGIN], { DEMO: 'false' }), launch()]);
    company = (await crm.api('POST', '/api/companies', { name: 'Jensens VVS ApS', domain: 'jensens-vvs.dk' })).body.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await crm?.stop();
  });

  async function signedIn(): Promise<{ page: Page; problems: string[]; choosers: FileChooser[] }> {
    const users = (await crm.api('GET', '/api/users')).body.items as { id: string; role: string }[];
    const link = (await crm.api('POST', `/api/users/${users.find((u) => u.role === 'admin')!.id}/signin-link`, {})).body.url as string;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', acceptDownloads: true });
    const page = await context.newPage();
    const problems = watch(page);
    const choosers: FileChooser[] = [];
    page.on('filechooser', (c) => choosers.push(c));
    await page.goto(link);
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    await page.evaluate((id) => {
      history.pushState(null, '', `/app/kunder/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, company);
    await page.locator('crm-company').getByRole('heading', { name: 'Jensens VVS ApS' }).waitFor();
    return { page, problems, choosers };
  }

  it('uploads, reads, classifies, previews, recategorises, downloads and deletes on the company page', { timeout: T }, async () => {
    const { page, problems, choosers } = await signedIn();
    const widget = page.locator('crm-documents');
    await widget.getByText('Ingen dokumenter endnu.', { exact: false }).waitFor();

    await widget.getByRole('button', { name: 'Vælg filer' }).click();
    await expect.poll(() => choosers.length).toBe(1);
    await choosers[0]!.setFiles([
      { name: 'Faktura 2026-117 Jensens VVS.pdf', mimeType: 'application/pdf', buffer: Buffer.from(invoicePdf) },
      { name: 'Mødenoter.txt', mimeType: 'text/plain', buffer: Buffer.from('Hej Mette, tak for snakken i går. Vi ses på torsdag.') },
      { name: 'prisliste.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), Buffer.alloc(4000)]) },
    ]);
    const uploads = widget.locator('[part=upload]');
    await expect.poll(() => uploads.count()).toBe(3);
    expect(await widget.getByRole('progressbar', { name: 'Upload af Mødenoter.txt' }).count()).toBe(1);
    // The program is refused with the server's own reason.
    const refused = uploads.filter({ hasText: 'prisliste.pdf' });
    await refused.locator('[part=upload-problem]').waitFor({ timeout: 20_000 });
    expect(await refused.locator('[part=upload-problem]').textContent()).toMatch(/Windows program/i);
    for (const name of ['Faktura 2026-117', 'Mødenoter.txt']) {
      await expect.poll(() => uploads.filter({ hasText: name }).getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    }
    await expect.poll(() => widget.locator('[part=upload-summary]').textContent()).toBe('3 filer behandlet: 2 uploadet, 1 afvist.');

    const invoice = widget.locator('[part=document]').filter({ hasText: 'Faktura 2026-117 Jensens VVS.pdf' });
    const note = widget.locator('[part=document]').filter({ hasText: 'Mødenoter.txt' });
    await expect.poll(() => invoice.locator('[part=status]').textContent(), { timeout: 30_000 }).toContain('Klar');
    expect(await invoice.textContent()).toContain('3 sider');
    expect(await invoice.locator('[part=category]').textContent()).toMatch(/Faktura/);
    // The note is too vague for the classifier: unsure, with its suggestion.
    await expect.poll(() => note.locator('[part=category]').textContent(), { timeout: 30_000 }).toMatch(/^Usikker( – foreslået: \S+)?$/);

    // The invoice's text by page.
    await invoice.getByRole('button', { name: 'Faktura 2026-117 Jensens VVS.pdf' }).click();
    const detail = widget.locator('[part=detail]');
    await detail.locator('[part=section]').first().waitFor();
    expect(await detail.locator('[part=section]').evaluateAll((s) => s.map((e) => e.getAttribute('data-page')))).toEqual(['1', '2', '3']);
    expect((await detail.locator('[part=section] h5').allTextContents()).map((t) => t.toLowerCase())).toEqual(['side 1', 'side 2', 'side 3']);
    expect(await detail.locator('[part=section][data-page="3"]').textContent()).toContain('15.625,00');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'documents.png'), fullPage: true });

    // Correct the note's category: the server keeps the staff's choice.
    await detail.getByRole('button', { name: /^Luk/ }).click();
    await note.getByRole('button', { name: 'Mødenoter.txt' }).click();
    await detail.getByLabel('Kategori').selectOption('correspondence');
    await expect.poll(() => note.locator('[part=category]').textContent()).toBe('Korrespondance');
    const noteId = await note.getAttribute('data-id');
    const saved = (await crm.api('GET', `/api/documents/${noteId}`)).body;
    expect([saved.category, saved.category_source]).toEqual(['correspondence', 'staff']);

    // Download the invoice: the same bytes.
    await detail.getByRole('button', { name: /^Luk/ }).click();
    await invoice.getByRole('button', { name: 'Faktura 2026-117 Jensens VVS.pdf' }).click();
    const downloading = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Hent' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Faktura 2026-117 Jensens VVS.pdf');
    expect(Buffer.from(await readFile((await download.path())!)).equals(Buffer.from(invoicePdf))).toBe(true);

    // Delete it: gone from the list and from the server.
    const invoiceId = await invoice.getAttribute('data-id');
    await detail.getByRole('button', { name: 'Slet', exact: true }).click();
    await detail.getByRole('button', { name: 'Ja, slet' }).click();
    await expect.poll(() => invoice.count()).toBe(0);
    expect((await crm.api('GET', `/api/documents/${invoiceId}`)).status).toBe(404);
    expect(problems).toEqual([]);
  });
});
