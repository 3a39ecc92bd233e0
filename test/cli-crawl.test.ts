import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../app/cli/index.ts';
import { type CrmProcess, runCrm, spawnCrm } from './support/crm-process.ts';
import { freePort } from './support/net.ts';

/** A tiny website on loopback: `pages` (path → HTML, or '500'), a robots.txt, 404 for the rest; `slowMs` delays the pages. */
function startSite(pages: Map<string, string>, options: { robots?: string; slowMs?: number } = {}): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    if (pathname === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(options.robots ?? 'User-agent: *\nAllow: /\n');
      return;
    }
    const page = pages.get(pathname);
    if (page === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else if (page === '500') res.writeHead(500, { 'content-type': 'text/plain' }).end('oops');
    else setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page), options.slowMs ?? 0);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  })));
}

const NAV = '<nav><a href="/">Forside</a> <a href="/produkter">Produkter</a> <a href="/tagrender">Tagrender</a> <a href="/om-os">Om os</a> <a href="/kontakt">Kontakt</a> <a href="/intern/loen">Intern</a></nav>';

function page(title: string, text: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title} – Nordlys Tag</title></head><body>${NAV}
<main><h1>${title}</h1><p>${text}</p><p>Nordlys Tag ApS lægger tage på Fyn og i Trekantsområdet. Ring på 12 34 56 78 eller skriv til kontor@nordlys-tag.dk, så kommer vi ud og giver et uforpligtende tilbud.</p></main>
<footer>Nordlys Tag ApS · Havnegade 1 · 5000 Odense C</footer></body></html>`;
}

/**
 * `crm crawl` against a real server process with the website plugin (named in the server's
 * crm.config.ts) and a small site on loopback (CRM_FETCH_ALLOW lets the server fetch it):
 * five pages and a robots.txt that disallows /intern. The crawl is followed with a progress
 * bar and summarised; the same site again is all unchanged; a changed and a vanished page
 * are noticed; a page that fails makes the exit code 1; Ctrl-C stops following only; bad
 * arguments and an unknown company are one line and exit 2.
 */
describe('crm crawl', { timeout: 120_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-crawl-data-'));
  const serverCwd = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-crawl-cwd-'));
  const env = { DATA_DIR: dataDir, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const pages = new Map<string, string>([
    ['/', page('Tag og tagrender på Fyn', 'Vi lægger nye tegltage, skifter tagrender og reparerer utætte tage for private og erhverv.')],
    ['/produkter', page('Produkter', 'Tegltagsten, betontagsten, zink- og plasttagrender, nedløbsrør og inddækninger i alle farver.')],
    ['/tagrender', page('Tagrender', 'En meter zinktagrende koster 385 kroner monteret; plasttagrender fra 210 kroner pr. meter.')],
    ['/om-os', page('Om os', 'Nordlys Tag blev grundlagt i 1998 af tømrermester Ole Nordlys og har i dag tolv ansatte.')],
    ['/kontakt', page('Kontakt', 'Kontoret har åbent mandag til fredag fra 7 til 15. Akutte skader: ring døgnet rundt.')],
    ['/intern/loen', page('Løn', 'Denne side må ingen crawler læse.')],
  ]);
  let site: Awaited<ReturnType<typeof startSite>>;
  let server: CrmProcess;
  let origin: string;
  let key: string;

  beforeAll(async () => {
    site = await startSite(pages, { robots: 'User-agent: *\nDisallow: /intern\n' });
    fs.writeFileSync(path.join(serverCwd, 'package.json'), '{ "type": "module" }');
    fs.writeFileSync(path.join(serverCwd, 'crm.config.ts'), "export default { plugins: ['documents', 'website'] };\n");
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = await spawnCrm(['start'], {
      cwd: serverCwd, ready: (out) => out.includes('listening on'),
      env: {
        DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false',
        CRM_FETCH_ALLOW: '127.0.0.1', CRM_PLUGIN_WEBSITE_DELAY_MS: '0', CRM_PLUGIN_WEBSITE_MAX_ATTEMPTS: '1',
        CRM_PLUGIN_WEBSITE_AUTO_ENRICH: 'false', CRM_PLUGIN_WEBSITE_SCHEDULE: 'false',
      },
    });
    key = fs.readFileSync(path.join(dataDir, 'admin.key'), 'utf8').trim();
  }, 60_000);

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await site?.close();
  });

  it('crawls a site with progress and a summary; again everything is unchanged; a changed and a vanished page are noticed', async () => {
    const run = await runCrm(['crawl', `${site.origin}/`, '--url', origin, '--key', key], env);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0], run.stdout + run.stderr).toMatch(new RegExp(`^Crawling ${site.origin}/ \\(crawl [0-9a-f-]{36}\\)$`));
    expect(lines).toContain('5 pages: 5 new, 0 changed, 0 removed, 0 unchanged; 1 skipped, 0 failed');
    expect(lines).toContain('  skipped: disallowed 1');
    expect(run.stderr).toMatch(/100% .*pages/);
    expect(run.code).toBe(0);

    const again = await runCrm(['crawl', `${site.origin}/`, '--url', origin, '--key', key, '--lang', 'da'], env);
    expect(again.stdout, again.stdout + again.stderr).toMatch(new RegExp(`^Gennemgår ${site.origin}/ \\(crawl [0-9a-f-]{36}\\)\n`));
    expect(again.stdout).toContain('5 sider: 0 nye, 0 ændrede, 0 fjernede, 5 uændrede; 1 sprunget over, 0 fejlede\n');
    expect(again.stdout).toContain('  sprunget over: disallowed 1\n');
    expect(again.code).toBe(0);

    pages.set('/tagrender', page('Tagrender', 'Nye priser: en meter zinktagrende koster nu 410 kroner monteret, plasttagrender fra 225 kroner.'));
    const kontakt = pages.get('/kontakt')!;
    pages.delete('/kontakt');
    try {
      const third = await runCrm(['crawl', `${site.origin}/`, '--url', origin, '--key', key], env);
      expect(third.stdout, third.stdout + third.stderr).toContain('5 pages: 0 new, 1 changed, 1 removed, 3 unchanged; ');
      expect(third.code).toBe(0);
    } finally {
      pages.set('/kontakt', kontakt);
    }
  });

  it('crawls for a company named by its domain, and refuses an unknown one (exit 2)', async () => {
    const created = await fetch(`${origin}/api/companies`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jensens VVS', domain: 'jensens-vvs.dk', kind: 'business' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const company = (await created.json()) as { id: string };

    const run = await runCrm(['crawl', `${site.origin}/`, '--company', 'www.Jensens-VVS.dk', '--max-pages', '2', '--exclude', '/om-os', '--url', origin, '--key', key], env);
    expect(run.stdout, run.stdout + run.stderr).toMatch(new RegExp(`^Crawling ${site.origin}/ for Jensens VVS \\(jensens-vvs\\.dk\\) \\(crawl ([0-9a-f-]{36})\\)\n`));
    expect(run.stdout).toMatch(/^2 pages: 2 new, 0 changed, 0 removed, 0 unchanged; \d+ skipped, 0 failed$/m);
    expect(run.stdout).toMatch(/^ {2}skipped: max_pages \d+$/m);
    expect(run.code).toBe(0);
    const crawlId = /\(crawl ([0-9a-f-]{36})\)/.exec(run.stdout)![1]!;
    const crawl = await fetch(`${origin}/api/website/crawls/${crawlId}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json()) as { company_id: string; options: { max_pages: number; exclude: string[] } };
    expect(crawl).toMatchObject({ company_id: company.id, options: { max_pages: 2, exclude: ['/om-os'] } });

    const unknown = await runCrm(['crawl', `${site.origin}/`, '--company', 'ukendt-firma.dk', '--url', origin, '--key', key], env);
    expect(unknown.stderr.trim()).toBe('crm: No company with the domain ukendt-firma.dk: create it first, or pass its id');
    expect(unknown.stdout).toBe('');
    expect(unknown.code).toBe(2);
  });

  it('exits 1 when pages fail, naming them, and when the site does not answer', async () => {
    const broken = await startSite(new Map([
      ['/', page('Forside', 'Se vores <a href="/fejl">fejlside</a>, som ikke virker.')],
      ['/fejl', '500'],
    ]));
    try {
      const run = await runCrm(['crawl', `${broken.origin}/`, '--url', origin, '--key', key, '--lang', 'da'], env);
      expect(run.stdout, run.stdout + run.stderr).toMatch(/^\d+ sider: .*; \d+ sprunget over, 1 fejlede$/m);
      expect(run.stdout).toContain(`  fejlede: ${broken.origin}/fejl: `);
      expect(run.code).toBe(1);
    } finally {
      await broken.close();
    }
    const nobody = `http://127.0.0.1:${await freePort()}/`;
    const unreachable = await runCrm(['crawl', nobody, '--url', origin, '--key', key], env);
    expect(unreachable.stderr.trim(), unreachable.stdout + unreachable.stderr).toMatch(new RegExp(`^crm: the crawl failed: ${nobody}: robots\\.txt could not be read .*$`));
    expect(unreachable.code).toBe(1);
  });

  it('--no-wait prints the crawl id; a second crawl of the site meanwhile is refused (exit 1); Ctrl-C stops following, and the crawl goes on on the server', async () => {
    const slow = await startSite(new Map([['/', page('Langsom forside', 'Denne side svarer langsomt.')]]), { slowMs: 3000 });
    try {
      const started = await runCrm(['crawl', `${slow.origin}/`, '--no-wait', '--url', origin, '--key', key], env);
      expect(started.code, started.stderr).toBe(0);
      const id = started.stdout.trim();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(started.stderr).toContain(`GET /api/website/crawls/${id}`);

      const busy = await runCrm(['crawl', `${slow.origin}/`, '--url', origin, '--key', key], env);
      expect(busy.stderr.trim()).toMatch(new RegExp(`^crm: A crawl of 127\\.0\\.0\\.1:\\d+ is already (queued|running) \\(${id}\\).*$`));
      expect(busy.code).toBe(1);
      await waitFor(origin, key, id);

      const following = await spawnCrm(['crawl', `${slow.origin}/`, '--url', origin, '--key', key], { env: { ...env, LOG_LEVEL: 'warn' }, ready: (out) => out.includes('(crawl ') });
      const followedId = /\(crawl ([0-9a-f-]{36})\)/.exec(following.output())![1]!;
      await new Promise((resolve) => setTimeout(resolve, 300));
      following.child.kill('SIGINT');
      expect(await following.exited).toBe(130);
      expect(following.output()).toContain('Stopped following; the crawl goes on on the server');
      expect(following.output()).not.toMatch(/pages: /);
      expect(await waitFor(origin, key, followedId)).toBe('succeeded');
    } finally {
      await slow.close();
    }
  });

  it('says what is wrong with the arguments in one line (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['crawl'], 'crm: Name the website to crawl: crm crawl <url>'],
      [['crawl', 'ftp://nordlys-tag.dk/'], 'crm: "ftp://nordlys-tag.dk/" is not a website address like https://firma.dk/'],
      [['crawl', 'ikke en adresse'], 'crm: "ikke en adresse" is not a website address like https://firma.dk/'],
      [['crawl', 'https://nordlys-tag.dk/', '--max-pages', 'mange'], 'crm: --max-pages must be a whole number from 1 to 100,000'],
      [['crawl', 'https://nordlys-tag.dk/', '--company', 'ikke et firma'], 'crm: --company "ikke et firma" is neither a company id (UUID) nor a domain like firma.dk'],
      [['crawl', 'https://nordlys-tag.dk/', '--lang', 'de'], 'crm: --lang must be da or en'],
    ];
    for (const [args, message] of cases) {
      const err: string[] = [];
      const code = await main(args, { out: () => {}, err: (line) => err.push(line) });
      expect(err, args.join(' ')).toEqual([message]);
      expect(code, args.join(' ')).toBe(2);
    }
    const unknownOption = await runCrm(['crawl', 'https://nordlys-tag.dk/', '--depth', '3'], env);
    expect(unknownOption.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknownOption.stderr).toMatch(/^crm: Unknown option '--depth'/);
    expect(unknownOption.code).toBe(2);
  });
});

/** Reads the crawl until it has ended; its final status. */
async function waitFor(origin: string, key: string, id: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const crawl = await fetch(`${origin}/api/website/crawls/${id}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json()) as { status: string };
    if (crawl.status !== 'queued' && crawl.status !== 'running') return crawl.status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`crawl ${id} did not end`);
}
