/**
 * The website views against the real thing: `node bin/crm.js start` with the website plugin
 * (and chat, documents), two tiny websites on loopback (node:http) and headless Chromium on the
 * built widgets and intranet app. Staff crawl the business's own site from the Hjemmeside page:
 * the crawl is followed live on its progress stream (a progress bar while it runs) to
 * "Gennemført" with its counts, robots.txt's forbidden page and an excluded one are skipped with
 * their reasons in Danish (and English after the language switch), the skipped URLs open in a
 * list; the schedule is changed; "Gennemsøg igen" finds every page unchanged. Then a customer's
 * company, its website URL on the second site, is updated with "Opdater fra hjemmeside": the
 * profile (name, description, email, phone, address, CVR, social links) shows with a link to
 * the page each came from; a company without a domain is told why not. axe on each page;
 * screenshots to test-artifacts/screenshots/ and /tmp/.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../scripts/build-app.ts';
import { buildWidgets } from '../../scripts/build-widgets.ts';
import { launch, SKIP_BROWSER } from '../../widgets/chat/test/support/browser.ts';
import { expectAccessible, SHOTS, signInAsAdmin } from './support/intranet.ts';
import { type Crm, startCrm } from './support/servers.ts';

const T = 120_000;

interface Site {
  origin: string;
  /** Paths requested, in order (robots.txt and sitemap included). */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * A website on 127.0.0.1 from a map of paths to HTML: ETag and Last-Modified on every page (a
 * matching If-None-Match gets 304), robots.txt as given, 404 for the rest; each HTML answer
 * waits `slowMs`, so a crawl runs long enough to be seen running.
 */
async function startSite(pages: Record<string, string>, robots: string, slowMs = 0): Promise<Site> {
  const requests: string[] = [];
  const modified = new Date(Date.now() - 86_400_000).toUTCString();
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    requests.push(pathname);
    if (pathname === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(robots);
      return;
    }
    const body = pages[pathname];
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Ikke fundet</title><h1>Siden findes ikke</h1>');
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    setTimeout(() => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag, 'Last-Modified': modified });
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: etag, 'Last-Modified': modified });
      res.end(body);
    }, slowMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const page = (title: string, body: string, nav = '') => `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>${title} | Tagfirma ApS</title></head>
<body>
<header><a href="/">Tagfirma</a><nav><a href="/om-os">Om os</a> <a href="/ydelser">Ydelser</a> <a href="/priser">Priser</a> <a href="/kontakt">Kontakt</a>${nav}</nav></header>
<main><h1>${title}</h1>${body}</main>
<footer><p>Tagfirma ApS · Tagvej 3, 8000 Aarhus C</p></footer>
</body>
</html>`;

/** The business's own site: six pages, one forbidden by robots.txt, one under an excluded path. */
const OWN_PAGES: Record<string, string> = {
  '/': page('Tagrender og tage i Østjylland', `<p>Vi lægger nye tage, skifter tagrender og laver inddækninger på huse i hele Østjylland. Vi giver altid en fast pris, før vi går i gang, og vi rydder op efter os.</p>
    <p>Læs om <a href="/tagrender">tagrender i zink og stål</a>, eller se <a href="/arkiv/2019">arkivet fra 2019</a>. Medarbejdere finder lønsedler under <a href="/intern/loen">intern</a>.</p>`),
  '/om-os': page('Om os', '<p>Tagfirma ApS blev grundlagt i 1998 og har i dag 12 tømrere og tagdækkere. Vi er medlem af Dansk Byggeri og giver fem års garanti på vores arbejde.</p>'),
  '/ydelser': page('Ydelser', '<p>Vi lægger tegltage, skifertage og tagpap. Vi skifter tagrender og nedløbsrør, og vi laver inddækninger omkring skorstene og ovenlysvinduer.</p>'),
  '/priser': page('Priser', '<p>En ny tagrende i zink koster fra 650 kr. pr. meter monteret. Et nyt tegltag på et parcelhus koster typisk fra 180.000 kr. inklusive nedrivning og bortkørsel.</p>'),
  '/kontakt': page('Kontakt', '<p>Ring til os på 86 12 00 00 mandag til fredag kl. 7-16, eller skriv til kontor@tagfirma.dk. Vi svarer samme dag og kommer gerne forbi og giver et tilbud.</p>'),
  '/tagrender': page('Tagrender i zink og stål', '<p>Tagrender i zink holder i mere end 50 år og får en smuk patina. Tagrender i stål er billigere og fås i mange farver. Vi hjælper dig med at vælge den rigtige.</p>'),
  '/intern/loen': page('Lønsedler', '<p>Denne side er kun for medarbejdere og må ikke gennemsøges.</p>'),
  '/arkiv/2019': page('Arkiv 2019', '<p>Gamle nyheder fra 2019, som ikke skal med i chatbottens viden.</p>'),
};
const OWN_ROBOTS = 'User-agent: *\nDisallow: /intern/\n';

const FOOTER = `<footer class="site-footer">
  <p>Jensens VVS ApS · Industrivej 12, 8260 Viby J · Tlf. 86 12 34 56 · CVR-nr. 25313763 · info@jensens-vvs.dk</p>
  <p><a href="https://www.facebook.com/jensensvvs">Facebook</a> <a href="https://www.linkedin.com/company/jensens-vvs-aps/">LinkedIn</a></p>
  <p>© 2026 Jensens VVS ApS. Alle rettigheder forbeholdes.</p>
</footer>`;
const customerPage = (title: string, description: string, body: string) => `<!doctype html>
<html lang="da-DK">
<head><meta charset="utf-8"><title>${title} | Jensens VVS ApS</title>${description ? `<meta name="description" content="${description}">` : ''}</head>
<body>
<header><a href="/">Jensens VVS</a><nav><a href="/">Forside</a> <a href="/om-os">Om os</a> <a href="/kontakt">Kontakt</a></nav></header>
<main><h1>${title}</h1>${body}</main>
${FOOTER}
</body>
</html>`;

/** A customer's site: the contact details are in the footer of every page. */
const CUSTOMER_PAGES: Record<string, string> = {
  '/': customerPage('VVS-installatør i Aarhus', 'Jensens VVS ApS er din autoriserede VVS-installatør i Aarhus og omegn: badeværelser, varmepumper og akut hjælp ved vandskade.',
    '<p>Vi er 14 autoriserede VVS’ere og rykker ud i hele Østjylland, også om natten.</p>'),
  '/om-os': customerPage('Om Jensens VVS', '', '<p>Jensens VVS ApS blev grundlagt i 1987 af Poul Jensen. Vi har 14 autoriserede VVS-installatører og løser alt fra små reparationer til store renoveringer af badeværelser og varmeanlæg.</p>'),
  '/kontakt': customerPage('Kontakt', '', '<p>Ring eller skriv, så vender vi tilbage samme dag.</p>'),
};

describe.skipIf(SKIP_BROWSER)('the website views: real server with the website plugin, loopback sites, built widgets and app, Chromium', () => {
  let crm: Crm;
  let browser: Browser;
  let own: Site;
  let customer: Site;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    expect((await buildWidgets()).over).toEqual([]);
    await buildApp();
    [own, customer] = await Promise.all([startSite(OWN_PAGES, OWN_ROBOTS, 350), startSite(CUSTOMER_PAGES, 'User-agent: *\nAllow: /\n')]);
    [crm, browser] = await Promise.all([
      // No automatic enrichment of a company that gets a domain: here the button does it.
      startCrm(['chat', 'documents', 'website'], { DEMO: 'false', CRM_FETCH_ALLOW: '127.0.0.1', CRM_PLUGIN_WEBSITE_DELAY_MS: '0', CRM_PLUGIN_WEBSITE_AUTO_ENRICH: 'false' }),
      launch(),
    ]);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await crm?.stop();
    await own?.close();
    await customer?.close();
  });

  it('crawls the own site from Hjemmeside, live to "Gennemført" with its counts and skip reasons; re-crawls it unchanged', { timeout: T }, async () => {
    const { page, problems } = await signInAsAdmin(crm, browser, contexts);
    await page.getByRole('navigation').getByRole('link', { name: 'Hjemmeside' }).click();
    await page.getByRole('heading', { name: 'Hjemmeside', level: 1 }).waitFor();
    const sites = page.locator('section.sites');
    await sites.getByText('Ingen hjemmesider endnu.').waitFor();
    await page.locator('section.crawls').getByText('Ingen gennemsøgninger endnu.').waitFor();

    // A refused start says why (the server's problem detail).
    const form = page.locator('form.crawl-form');
    await form.getByLabel('Startside (URL)').fill('ftp://127.0.0.1/');
    await form.getByRole('button', { name: 'Start gennemsøgning' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('is not an http or https URL');

    await form.getByLabel('Startside (URL)').fill(`${own.origin}/`);
    await form.getByLabel('Højst antal sider').fill('50');
    await form.getByLabel('Højst antal klik fra startsiden').fill('3');
    await form.getByLabel('Aldrig stier der matcher (én pr. linje)').fill('/arkiv');
    await form.getByLabel('Gennemsøg igen hver … dag').fill('7');
    const stream = page.waitForResponse((r) => r.url().includes('/progress') && r.headers()['content-type']?.includes('text/event-stream') === true);
    await form.getByRole('button', { name: 'Start gennemsøgning' }).click();
    await form.getByText(`Gennemsøgningen af ${own.origin}/ er sat i gang.`).waitFor();
    expect((await stream).status()).toBe(200);

    // Followed live: a progress bar while it runs, then its end state, without a reload.
    const crawl = page.locator('section.crawls li.crawl').first();
    await crawl.locator('progress').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/website-page-running.png', fullPage: true });
    await expect.poll(() => crawl.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    expect(await crawl.locator('.badge.state').first().textContent()).toBe('Gennemført');
    expect(await crawl.locator('progress').count()).toBe(0);
    const count = (name: string) => crawl.locator(`[data-count=${name}] dd`).textContent();
    const pages = (name: string) => crawl.locator(`[data-pages=${name}] dd`).textContent();
    expect(await count('fetched')).toBe('6');
    expect(await count('failed')).toBe('0');
    expect(await count('pending')).toBe('0');
    expect(await pages('new')).toBe('6');
    expect(await crawl.locator('li[data-reason=disallowed]').textContent()).toBe('Forbudt af robots.txt: 1');
    expect(await crawl.locator('li[data-reason=excluded]').textContent()).toBe('Udelukket af mønstrene: 1');
    expect(await crawl.locator('.when').textContent()).toMatch(/^Startet manuelt · Oprettet \d+\. \w+\.? \d{4} kl\. \d\d\.\d\d · Færdig \d+\. \w+\.? \d{4} kl\. \d\d\.\d\d$/);
    expect(own.requests).not.toContain('/intern/loen');
    expect(own.requests).not.toContain('/arkiv/2019');

    // The skipped URLs, with their reasons.
    await crawl.locator('details.urls summary').click();
    const row = crawl.locator('table.urls-table tr[data-outcome=disallowed]');
    await row.waitFor();
    expect(await row.textContent()).toContain(`${own.origin}/intern/loen`);
    expect(await row.textContent()).toContain('Forbudt af robots.txt');

    // The site: its schedule (7 days, as asked), changed to 14.
    const site = sites.locator('li.site').first();
    await site.waitFor();
    const last = site.locator('.facts').first();
    await expect.poll(() => last.textContent()).toMatch(/Seneste gennemsøgningGennemført \d+\. \w+\.? \d{4} kl\. \d\d\.\d\d/);
    const every = site.getByRole('spinbutton', { name: 'Gennemsøg igen hver' });
    expect(await every.inputValue()).toBe('7');
    expect(await site.locator('.facts').textContent()).toMatch(/Næste gennemsøgning\d+\. \w+\.? \d{4} kl\. \d\d\.\d\d/);
    await every.fill('14');
    await site.getByRole('button', { name: /^Gem/ }).click();
    const key = new URL(own.origin).host;
    await sites.getByText(`Planen for ${key} er gemt.`).waitFor();
    expect((await crm.api('GET', '/api/website/sites')).body.items[0].recrawl_days).toBe(14);
    await expectAccessible(page, 'website-page', { legacyMode: true, alsoInTmp: true });

    // Crawl again: every page asked for conditionally, none changed.
    await site.getByRole('button', { name: `Gennemsøg igen: ${key}` }).click();
    await expect.poll(() => page.locator('section.crawls li.crawl').count()).toBe(2);
    const second = page.locator('section.crawls li.crawl').first();
    await expect.poll(() => second.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    expect(await second.locator('[data-count=unchanged] dd').textContent()).toBe('6');
    expect(await second.locator('[data-count=fetched] dd').textContent()).toBe('0');
    expect(await second.locator('[data-pages=changed] dd').textContent()).toBe('0');
    await page.screenshot({ path: '/tmp/website-page.png', fullPage: true });

    // In English: the same page, the skip reasons in English.
    await page.getByRole('button', { name: 'Skift sprog til engelsk' }).click();
    await page.getByRole('heading', { name: 'Website', level: 1 }).waitFor();
    expect(await second.locator('.badge.state').first().textContent()).toBe('Succeeded');
    expect(await page.locator('section.crawls li.crawl').nth(1).locator('li[data-reason=disallowed]').textContent()).toBe('Disallowed by robots.txt: 1');
    await expectAccessible(page, 'website-page-en', { legacyMode: true, alsoInTmp: true });
    await page.getByRole('button', { name: 'Change language to Danish' }).click();
    await page.getByRole('heading', { name: 'Hjemmeside', level: 1 }).waitFor();

    // On a phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/website-page-phone.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  });

  it('updates a customer from its website: the profile with the source of every field; a company without a domain is told why not', { timeout: T }, async () => {
    const jensens = (await crm.api('POST', '/api/companies', { name: 'Jensens VVS', domain: 'jensens-vvs.dk' })).body.id as string;
    const patched = await crm.api('PATCH', `/api/companies/${jensens}`, { website_url: `${customer.origin}/` });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const { page, problems } = await signInAsAdmin(crm, browser, contexts);
    await page.evaluate((id) => {
      history.pushState(null, '', `/app/kunder/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, jensens);
    const company = page.locator('crm-company');
    const card = company.locator('[part=website-profile]');
    await card.getByText('Ingen profil fra hjemmesiden endnu.').waitFor();

    await card.getByRole('button', { name: 'Opdater fra hjemmeside' }).click();
    await card.getByText(/^(Sat i kø: hjemmesiden bliver læst…|Læser hjemmesiden…|Profilen er opdateret fra hjemmesiden\.)$/).waitFor();
    await card.getByText('Profilen er opdateret fra hjemmesiden.').waitFor({ timeout: 60_000 });
    const field = (label: string) => card.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
    expect(await field('Officielt navn').textContent()).toContain('Jensens VVS ApS');
    expect(await field('Beskrivelse').textContent()).toContain('autoriserede VVS-installatør i Aarhus');
    expect(await field('E-mail').textContent()).toContain('info@jensens-vvs.dk');
    expect(await field('Telefon').textContent()).toContain('+45 86 12 34 56');
    expect(await field('Adresse').textContent()).toContain('Industrivej 12, 8260 Viby J');
    expect(await field('CVR').first().textContent()).toContain('25313763');
    expect(await field('Sociale medier').textContent()).toContain('facebook.com/jensensvvs');
    // Each with its source page on the customer's site, and the date it was read.
    const sources = card.locator('[part=source] a');
    expect(await sources.count()).toBeGreaterThanOrEqual(6);
    for (const href of await sources.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) expect(href.startsWith(customer.origin)).toBe(true);
    expect(await card.locator('[part=source]').first().textContent()).toMatch(/\d+\. \w+\.? \d{4}$/);
    // The company itself got what it lacked (never overwriting what staff entered).
    expect((await crm.api('GET', `/api/companies/${jensens}`)).body.cvr).toBe('25313763');
    await company.locator('[part=event][data-type="website.enriched"]').waitFor();
    await expectAccessible(page, 'company-website-profile', { legacyMode: true, alsoInTmp: true });
    await page.screenshot({ path: '/tmp/company-website.png', fullPage: true });

    // Without a domain or a website: the server's reason.
    const nameless = (await crm.api('POST', '/api/companies', { name: 'Hansens Tømrer' })).body.id as string;
    await page.evaluate((id) => {
      history.pushState(null, '', `/app/kunder/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, nameless);
    const none = company.locator('[part=website-profile]');
    await none.getByText('Ingen profil fra hjemmesiden endnu.').waitFor();
    await none.getByRole('button', { name: 'Opdater fra hjemmeside' }).click();
    await expect.poll(() => none.locator('[part=enrich-status]').textContent()).toContain('has no domain or website');
    await none.screenshot({ path: '/tmp/company-website-no-domain.png' });
    expect(problems).toEqual([]);
  });
});
