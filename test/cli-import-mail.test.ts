import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawMessage } from '../plugins/email/parse/testing.ts';
import { type CrmProcess, runCrm, spawnCrm } from './support/crm-process.ts';
import { freePort } from './support/net.ts';

/**
 * `crm import-mail` against a real server process with the email plugin (named in the
 * server's crm.config.ts): a folder like a mail client's (an mbox, an .eml, the client's index
 * files that are not mail) is streamed to the server, read, and summarised; the same folder a
 * second time is all "already there"; a file that is no mailbox makes the exit code 1; bad
 * arguments are one line and exit 2.
 */
describe('crm import-mail', { timeout: 90_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-mail-data-'));
  const serverCwd = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-mail-cwd-'));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-mail-files-'));
  const env = { DATA_DIR: dataDir, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  let server: CrmProcess;
  let origin: string;
  let key: string;

  beforeAll(async () => {
    fs.writeFileSync(path.join(serverCwd, 'package.json'), '{ "type": "module" }');
    fs.writeFileSync(path.join(serverCwd, 'crm.config.ts'), "export default { plugins: ['documents', 'email'] };\n");
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const starting = spawnCrm(['start'], { cwd: serverCwd, env: { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false' }, ready: (out) => out.includes('listening on') });
    starting.catch(() => {});
    const mails = Array.from({ length: 30 }, (_, i) => rawMessage({
      from: { name: `Kunde ${i}`, address: `kunde${i}@firma${i % 5}.dk` }, to: 'kontor@nordlys-tag.dk', subject: `Forespørgsel ${i} – tagrender`,
      text: `Hej, hvad koster ${i + 10} meter tagrende?\nFrom here on, a line that starts like a separator.`, messageId: `cli-${i}@firma${i % 5}.dk`,
    }));
    const mbox = mails.map((raw, i) => `From kunde${i}@firma.dk Mon Dec  1 10:14:${String(i).padStart(2, '0')} 2026\n${raw.toString('latin1').replace(/^(>*From )/gm, '>$1')}\n`).join('');
    fs.mkdirSync(path.join(folder, 'Mail', 'Local Folders'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'Mail', 'Local Folders', 'Inbox'), mbox, 'latin1');
    fs.writeFileSync(path.join(folder, 'Mail', 'Local Folders', 'Inbox.msf'), '// <!-- <mdb:mork:z v="1.4"/> -->');
    fs.writeFileSync(path.join(folder, 'Mail', 'enkelt.eml'), rawMessage({ from: 'mette@jensens-vvs.dk', to: 'kontor@nordlys-tag.dk', subject: 'Én besked', text: 'Alene.' }));
    server = await starting;
    key = fs.readFileSync(path.join(dataDir, 'admin.key'), 'utf8').trim();
  }, 60_000);

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('imports a mail folder streamed, with progress and a summary; a second time everything is already there', async () => {
    const run = await runCrm(['import-mail', folder, '--url', origin, '--key', key], env);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0], run.stdout + run.stderr).toMatch(/^2 mailbox files \([\d.]+ kB\)$/);
    expect(lines).toContain('31 messages: 31 stored, 0 already there, 0 skipped, 0 failed');
    expect(run.stderr).toMatch(/bytes uploaded/);
    expect(run.stderr).toMatch(/100% .*bytes read/);
    expect(run.code).toBe(0);

    const threads = await fetch(`${origin}/api/email/waiting?limit=100`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json()) as { items: { subject: string }[] };
    expect(threads.items.map((t) => t.subject)).toEqual(expect.arrayContaining(['Forespørgsel 7 – tagrender', 'Én besked']));

    const again = await runCrm(['import-mail', folder, '--url', origin, '--key', key, '--lang', 'da'], env);
    expect(again.stdout).toContain('31 beskeder: 0 gemt, 31 fandtes i forvejen, 0 sprunget over, 0 fejlede');
    expect(again.code).toBe(0);
  });

  it('refuses a file that is no mailbox (exit 1), and says what is wrong with the arguments (exit 2)', async () => {
    const junk = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-mail-junk-')), 'billede.png');
    fs.writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const refused = await runCrm(['import-mail', junk, '--url', origin, '--key', key], env);
    expect(refused.stderr).toMatch(/billede\.png: refused: .*neither an mbox/);
    expect(refused.code).toBe(1);
    const none = await runCrm(['import-mail'], env);
    expect(none.stderr.trim()).toBe('crm: Name an .mbox or .eml file, or a folder of them: crm import-mail <file|folder>');
    expect(none.code).toBe(2);
    const missing = await runCrm(['import-mail', '/no/such/mailbox'], env);
    expect(missing.stderr.trim()).toBe('crm: /no/such/mailbox: no such file or folder');
    expect(missing.code).toBe(2);
  });
});
