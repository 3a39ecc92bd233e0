/**
 * The README's screenshots (docs/screenshots/): the intranet and the website chat of the demo
 * workspace, as a new user sees them after `npm start`, in Danish, at 1280×800.
 *
 *   npm run screenshots
 *
 * Builds the widgets and the app, starts `crm start` on a fresh data folder (the demo is seeded),
 * signs in with the link it prints and asks the website chat a question. Needs Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startCrm } from '../test/e2e/support/servers.ts';
import { launch } from '../widgets/chat/test/support/browser.ts';
import { buildApp } from './build-app.ts';
import { buildWidgets } from './build-widgets.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  await buildWidgets();
  await buildApp();
  const crm = await startCrm(['chat'], { DEMO: 'true' });
  const browser = await launch();
  try {
    const link = /Intranet:\s+(\S+#signin=[\w-]+)/.exec(crm.output())?.[1];
    if (!link) throw new Error(`crm start printed no sign-in link:\n${crm.output()}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    await settle(page);
    await shot(page, 'intranet-overview');

    await page.getByRole('navigation').getByRole('link', { name: 'Kunder', exact: true }).click();
    await page.locator('crm-companies').getByRole('button').filter({ hasText: /ApS|A\/S|I\/S/ }).first().waitFor();
    await settle(page);
    await shot(page, 'intranet-customers');
    await page.locator('crm-companies').getByRole('button').filter({ hasText: /ApS|A\/S|I\/S/ }).first().click();
    await page.locator('crm-company [part=event]').first().waitFor();
    await settle(page);
    await shot(page, 'intranet-customer');

    const site = await context.newPage();
    await site.goto(`${crm.origin}/site/`);
    await site.waitForFunction(() => Boolean(document.querySelector('crm-chat')?.getAttribute('site-key')));
    await site.locator('crm-chat [part=launcher]').click();
    const input = site.locator('crm-chat textarea');
    await input.waitFor();
    await site.waitForFunction(() => Object.values({ ...localStorage }).some((v) => v.includes('session_id')));
    const before = await site.locator('crm-chat .log .msg.bot').count();
    await input.fill('Hvad koster en ny tagrende?');
    await input.press('Enter');
    await site.locator('crm-chat .log .msg.bot').nth(before).waitFor();
    await settle(site);
    await shot(site, 'site-chat');
  } finally {
    await browser.close();
    await crm.stop();
  }
}

/** Lets fonts, transitions and live updates finish before the picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(600);
}

async function shot(page: Page, name: string): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

await main();
