import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { watch } from '../../../widgets/chat/test/support/browser.ts';
import type { Crm } from './servers.ts';

/** Where the e2e tests keep their screenshots (uploaded by CI as artifacts). */
export const SHOTS = path.resolve(import.meta.dirname, '../../../test-artifacts/screenshots');

/**
 * Signs the CRM's admin into the intranet in a new browser context (desktop, Danish, Copenhagen
 * time) with a sign-in link, and waits for the overview. The context is pushed to `contexts`
 * for the test's afterAll to close; `problems` collects the page's console errors and failed
 * requests.
 *
 * @example
 * const { page, problems } = await signInAsAdmin(crm, browser, contexts);
 */
export async function signInAsAdmin(crm: Crm, browser: Browser, contexts: BrowserContext[]): Promise<{ page: Page; problems: string[] }> {
  const users = (await crm.api('GET', '/api/users')).body.items as { id: string; role: string }[];
  const link = (await crm.api('POST', `/api/users/${users.find((u) => u.role === 'admin')!.id}/signin-link`, {})).body.url as string;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(link);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  return { page, problems };
}

/**
 * Takes a full-page screenshot `<name>.png` (in SHOTS, and in `/tmp` with `alsoInTmp` for a look
 * during development) and expects axe to find no serious or critical violation.
 *
 * @example
 * await expectAccessible(page, 'website-page', { legacyMode: true });
 */
export async function expectAccessible(page: Page, name: string, o: { legacyMode?: boolean; iframes?: boolean; alsoInTmp?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  if (o.alsoInTmp) await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
  let builder = new AxeBuilder({ page }).setLegacyMode(o.legacyMode ?? false);
  if (o.iframes === false) builder = builder.options({ iframes: false });
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), name).toEqual([]);
}
