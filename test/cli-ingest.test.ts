import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxWithTable } from '../plugins/documents/testing/office.ts';
import { textPdf } from '../plugins/documents/testing/pdf.ts';
import { csvWindows1252 } from '../plugins/documents/testing/text.ts';
import { main } from '../app/cli/index.ts';
import { type CrmProcess, runCrm, spawnCrm } from './support/crm-process.ts';
import { freePort } from './support/net.ts';

/**
 * Issue 10, item 8: `crm ingest` against a real server process with the documents plugin (named
 * in the server's crm.config.ts, so the test doesn't depend on the embedded defaults): a folder
 * of real files is uploaded, read and summarised; the refused one makes the exit code 1; bad
 * arguments are one line and exit 2.
 */
describe('crm ingest', { timeout: 90_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ingest-data-'));
  const serverCwd = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ingest-cwd-'));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ingest-files-'));
  const env = { DATA_DIR: dataDir, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  let server: CrmProcess;
  let origin: string;
  let key: string;
  let companyId: string;

  const api = async (method: string, pathname: string, body?: unknown) => {
    const res = await fetch(`${origin}${pathname}`, {
      method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  /** The CLI's main() in this process, its lines captured. */
  const inProcess = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err };
  };
  const savedDataDir = process.env.DATA_DIR;

  beforeAll(async () => {
    process.env.DATA_DIR = dataDir; // main() here reads its config from this process' environment
    fs.writeFileSync(path.join(serverCwd, 'package.json'), '{ "type": "module" }');
    fs.writeFileSync(path.join(serverCwd, 'crm.config.ts'), "export default { plugins: ['documents'] };\n");
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // The files are made while the server boots.
    const starting = spawnCrm(['start'], { cwd: serverCwd, env: { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false' }, ready: (out) => out.includes('listening on') });
    starting.catch(() => {}); // awaited below, after the files

    const pdf = await textPdf([
      'Side et. Tilbud på tagrenovering for Jensens VVS ApS i Århus. Tilbuddet gælder i 30 dage.',
      'Side to. Materialer: tagsten, undertag og lægter. Pris i alt 84.500 kr. ekskl. moms.',
      'Side tre. Særlige forhold: stilladset står i fire uger. Med venlig hilsen, Øresund Tag.',
    ], { title: 'Tilbud på tag' });
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]); // "MZ": a Windows program, named as a PDF
    exe.set([0x50, 0x45, 0x00, 0x00], 0x80);
    new DataView(exe.buffer).setUint32(0x3c, 0x80, true);
    fs.mkdirSync(path.join(folder, 'specs'));
    fs.mkdirSync(path.join(folder, 'arkiv'));
    fs.mkdirSync(path.join(folder, '.git'));
    fs.writeFileSync(path.join(folder, 'tilbud.pdf'), pdf);
    fs.writeFileSync(path.join(folder, 'arkiv', 'kopi af tilbud.pdf'), pdf);
    fs.writeFileSync(path.join(folder, 'specs', 'kravspec.docx'), await docxWithTable({
      title: 'Kravspecifikation', paragraphs: ['Løsningen skal kunne håndtere 500 brugere.'], table: [['Krav', 'Prioritet'], ['Single sign-on', 'Høj'], ['Eksport til Excel', 'Lav']],
    }));
    fs.writeFileSync(path.join(folder, 'kunder.csv'), csvWindows1252([['Navn', 'By'], ['Søren Ærø', 'Nørresundby'], ['Åse Øberg', 'Præstø']]));
    fs.writeFileSync(path.join(folder, 'faktura.pdf'), exe);
    // Neither of these is uploaded: a dotfile, a dot-folder, and a link out of the folder.
    fs.writeFileSync(path.join(folder, '.DS_Store'), 'Bud1');
    fs.writeFileSync(path.join(folder, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ingest-outside-')), 'hemmelig.txt');
    fs.writeFileSync(outside, 'Ikke en del af mappen.');
    fs.symlinkSync(outside, path.join(folder, 'ude.txt'));

    server = await starting;
    key = fs.readFileSync(path.join(dataDir, 'admin.key'), 'utf8').trim();
    const created = await api('POST', '/api/companies', { name: 'Jensens VVS ApS', domain: 'jensens-vvs.dk', cvr: '25313763' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    companyId = created.body.id;
  }, 60_000);

  afterAll(async () => {
    if (savedDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = savedDataDir;
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('ingests a folder: indexed with categories, the duplicate and the refused program in the summary, exit 1', async () => {
    const run = await runCrm(['ingest', folder, '--company', 'jensens-vvs.dk', '--url', origin, '--timeout', '60'], env);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0], run.stdout + run.stderr).toMatch(/^5 files \([\d.]+ kB\) for Jensens VVS ApS \(jensens-vvs\.dk\)$/);
    expect(lines).toContain('skipped 1 symbolic link leading out of the folder');
    const indexed = lines.find((l) => l.startsWith('indexed'));
    expect(indexed).toMatch(/^indexed {8}3 {2}\(([A-Z][a-z]+( [a-z]+)? \d(, )?)+\)$/);
    const counts = [...indexed!.matchAll(/([A-Z][a-z]+(?: [a-z]+)?) (\d)/g)];
    expect(counts.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(3);
    expect(lines).toContain('duplicates     1');
    // Three uploads run at once, so either copy of the PDF may be the one that got there first.
    expect(lines.some((l) => /^ {2}(arkiv\/kopi af tilbud\.pdf: the same file as tilbud\.pdf|tilbud\.pdf: the same file as kopi af tilbud\.pdf), already there$/.test(l))).toBe(true);
    expect(lines).toContain('needs OCR      0');
    expect(lines).toContain('failed         1');
    expect(lines.find((l) => l.startsWith('  faktura.pdf: '))).toMatch(/^ {2}faktura\.pdf: refused: .*(program|not a document).*\(415\)$/i);
    expect(run.stdout).not.toMatch(/DS_Store|HEAD|ude\.txt|hemmelig/);
    expect(run.stderr).toMatch(/\d+\/\d+ kB, 5\/5 files/);
    expect(run.code).toBe(1);

    const listed = await api('GET', `/api/documents?company_id=${companyId}`);
    expect(listed.status).toBe(200);
    const docs = listed.body.items as { name: string; status: string; pages: number | null; visibility: string }[];
    expect(docs.map((d) => d.name).sort()).toEqual(expect.arrayContaining(['kravspec.docx', 'kunder.csv']));
    expect(docs).toHaveLength(3);
    expect(docs.filter((d) => d.name.endsWith('tilbud.pdf'))).toMatchObject([{ status: 'indexed', pages: 3 }]);
    for (const doc of docs) expect(doc).toMatchObject({ status: 'indexed', visibility: 'internal' });
  });

  it('finds the company by CVR number or id, prints Danish labels, and does not wait with --no-wait', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ingest-one-')), 'Faktura 1001.pdf');
    fs.writeFileSync(file, await textPdf(['Faktura nr. 1001. Tagrender, 40 meter. I alt 12.500 kr. inkl. moms. Betales senest 30 dage netto.']));
    const danish = await runCrm(['ingest', file, '--company', 'DK 25 31 37 63', '--category', 'faktura', '--visibility', 'public', '--url', origin, '--lang', 'da'], env);
    const [header, ...summary] = danish.stdout.trimEnd().split('\n');
    expect(header, danish.stdout + danish.stderr).toMatch(/^1 fil \([\d,]+ kB\) til Jensens VVS ApS \(jensens-vvs\.dk\)$/);
    expect(summary).toEqual(['indekseret     1  (Faktura 1)', 'dubletter      0', 'kræver OCR     0', 'fejlede        0']);
    expect(danish.code).toBe(0);
    const invoice = (await api('GET', `/api/documents?company_id=${companyId}&category=invoice`)).body.items;
    expect(invoice).toMatchObject([{ name: 'Faktura 1001.pdf', visibility: 'public', status: 'indexed' }]);

    const again = await runCrm(['ingest', file, path.join(folder, 'kunder.csv'), '--company', companyId, '--url', origin, '--no-wait'], { ...env, LANG: 'da_DK.UTF-8' });
    expect(again.stdout).toContain('uploadet       0\ndubletter      2\n');
    expect(again.code).toBe(0);
  });

  it('says in one line what is wrong with the arguments (exit 2), the company or the server (exit 1)', async () => {
    // The real command for one of each kind; the rest through the same main() in this process (each
    // crm process boots the whole CLI, which is seconds on a busy machine).
    const unreachable = `http://127.0.0.1:${await freePort()}`;
    const [noPath, unknown, down] = await Promise.all([
      runCrm(['ingest'], env),
      runCrm(['ingest', folder, '--company', 'ukendt.dk', '--url', origin], env),
      runCrm(['ingest', folder, '--company', 'jensens-vvs.dk', '--url', unreachable], env),
    ]);
    expect(noPath).toMatchObject({ code: 2, stdout: '', stderr: 'crm: Name a file or folder: crm ingest <file|folder> --company <id|domain|cvr>\n' });
    expect(unknown).toMatchObject({ code: 1, stderr: 'crm: No company with the domain ukendt.dk: create it first, or pass its id\n' });
    expect(down).toMatchObject({ code: 1, stderr: `crm: The CRM at ${unreachable} does not answer (ECONNREFUSED): start it with crm start, or pass its address with --url\n` });

    const usage: [string[], RegExp][] = [
      [['ingest', folder], /^crm: Say which company the files belong to: --company <id\|domain\|cvr>$/],
      [['ingest', path.join(folder, 'findes-ikke'), '--company', 'jensens-vvs.dk'], /^crm: .*findes-ikke: no such file or folder$/],
      [['ingest', folder, '--company', 'jensens-vvs.dk', '--visibility', 'secret'], /^crm: --visibility must be internal or public$/],
      [['ingest', folder, '--company', 'jensens-vvs.dk', '--category', 'kvittering'], /^crm: --category must be one of quote, order, invoice/],
      [['ingest', folder, '--company', 'jensens-vvs.dk', '--timeout', 'snart'], /^crm: --timeout must be a number of seconds above 0$/],
      [['ingest', folder, '--company', 'ikke et firma'], /^crm: --company "ikke et firma" is neither a company id/],
      [['ingest', folder, '--company', '12345678'], /^crm: 12345678 is not a valid CVR number/],
      [['ingest', folder, '--company', 'jensens-vvs.dk', '--frobnicate'], /^crm: Unknown option '--frobnicate'/],
    ];
    for (const [args, message] of usage) {
      const run = await inProcess(args);
      expect(run.err, args.join(' ')).toHaveLength(1);
      expect(run.err[0]).toMatch(message);
      expect(run).toMatchObject({ code: 2, out: [] });
    }

    const unknownId = await inProcess(['ingest', folder, '--company', '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47', '--url', origin, '--key', key]);
    expect(unknownId).toMatchObject({ code: 1, err: ['crm: No company with the id 019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47 (or this key may not see it)'] });
    const badKey = await inProcess(['ingest', folder, '--company', 'jensens-vvs.dk', '--url', origin, '--key', 'crm_wrong']);
    expect(badKey.code).toBe(1);
    expect(badKey.err).toEqual([expect.stringMatching(/^crm: The CRM refused the key \(401\): .+$/)]);

    const help = await inProcess(['help']);
    expect(help.out.join('\n')).toContain('ingest <file|folder>… --company <id|domain|cvr>');
    expect(help.out.join('\n')).toContain('1 when a file was refused or failed');
  });
});
