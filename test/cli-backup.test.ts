import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrm } from './support/crm-process.ts';
import { cleanKnowledgeReport, knowledgeInvariants, postArticles, startCrashable, type WorkloadLog, workloadFor } from './support/faults/index.ts';

/**
 * Issue 15: `crm backup` copies the embedded database while the server writes to it, and
 * `crm restore` brings exactly that state back: every article accepted before the backup
 * began, each once, and indexed. Bad archives change nothing.
 */
describe('crm backup and crm restore on the embedded database', { timeout: 240_000 }, () => {
  it('backs up a server while it writes, refuses to restore under it, and restores every article accepted before the backup', async () => {
    const data = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'crm-backup-')) };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-backup-out-')), 'nightly.tar.gz');
    let server = await startCrashable(data);
    const log: WorkloadLog<string> = { accepted: [], unknown: [] };
    const writes = new AbortController();
    const writing = postArticles(server, log, writes.signal);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const acceptedBefore = [...log.accepted];
    const backup = await runCrm(['backup', '--out', file, '--url', server.origin], { DATA_DIR: data.dataDir });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server keeps writing after the copy
    writes.abort();
    await writing;
    expect(backup.stderr + backup.stdout).toContain(`Backup written to ${file}`);
    expect(backup.code).toBe(0);
    expect(acceptedBefore.length).toBeGreaterThan(0);
    expect(log.accepted.length).toBeGreaterThan(acceptedBefore.length);

    const refused = await runCrm(['restore', file], { DATA_DIR: data.dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^crm: The server \(pid \d+\) has .+ open: stop it, then run crm restore again$/);
    expect(await server.stop()).toBe(0);

    const restored = await runCrm(['restore', file], { DATA_DIR: data.dataDir });
    expect(restored.stdout).toContain('The restored data is readable and consistent.');
    expect(restored.code).toBe(0);
    const kept = /kept in (\S+):/.exec(restored.stdout)?.[1];
    expect(kept && fs.existsSync(path.join(kept, 'PG_VERSION'))).toBe(true);

    // What the backup holds: everything accepted before it began; what came during or after may or may not be there.
    server = await startCrashable(data);
    const later = log.accepted.filter((t) => !acceptedBefore.includes(t));
    const report = await knowledgeInvariants(server, data, { accepted: acceptedBefore, unknown: [...later, ...log.unknown] });
    expect(report).toEqual(cleanKnowledgeReport);
  });

  it('backs up a stopped folder directly, and refuses bad archives without touching the data', async () => {
    const data = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'crm-backup-')) };
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-backup-out-'));
    const server = await startCrashable(data);
    const log: WorkloadLog<string> = { accepted: [], unknown: [] };
    await workloadFor(postArticles, server, log, 800);
    await server.stop();

    const file = path.join(out, 'stopped.tar.gz');
    const backup = await runCrm(['backup', '--out', file], { DATA_DIR: data.dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).not.toContain('running server');
    const again = await runCrm(['backup', '--out', file], { DATA_DIR: data.dataDir });
    expect(again.stderr.trim()).toBe(`crm: ${file} exists already; name another file with --out`);

    const whole = fs.readFileSync(file);
    fs.writeFileSync(path.join(out, 'half.tar.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    fs.writeFileSync(path.join(out, 'leads.csv'), 'name,email\nAna,ana@example.dk\n');
    const before = fs.readdirSync(data.dataDir).sort();
    for (const [name, message] of [['half.tar.gz', /not a CRM backup: it is cut off/], ['leads.csv', /not a CRM backup: it is not gzip-compressed/], ['missing.tar.gz', /Cannot read .*missing\.tar\.gz: no such file/]] as const) {
      const res = await runCrm(['restore', path.join(out, name)], { DATA_DIR: data.dataDir });
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(message);
    }
    expect(fs.readdirSync(data.dataDir).sort()).toEqual(before);

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-backup-empty-'));
    const nothing = await runCrm(['backup', '--out', path.join(out, 'empty.tar.gz')], { DATA_DIR: empty });
    expect(nothing.stderr.trim()).toMatch(/^crm: There is no embedded database in .+ to back up/);
    expect(fs.readdirSync(empty)).toEqual([]);

    const restarted = await startCrashable(data);
    expect(await knowledgeInvariants(restarted, data, log)).toEqual(cleanKnowledgeReport);
  });

  it('points a Postgres CRM to pg_dump and pg_restore', async () => {
    const env = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'crm-backup-')), DATABASE_URL: 'postgres://127.0.0.1:1/none' };
    expect((await runCrm(['backup'], env)).stderr).toMatch(/^crm: crm backup copies the embedded database.*pg_dump/);
    expect((await runCrm(['restore', 'x.dump'], env)).stderr).toMatch(/^crm: crm restore replaces the embedded database.*pg_restore/);
  });
});
