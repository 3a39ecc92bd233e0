import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestHost } from 'open-crm/testing';
import { expect, it } from 'vitest';

/**
 * docs/plugins.md must stay true: its plugin, migration and test are taken from the guide's
 * code blocks, written to a folder as a reader would, and run.
 */
it('builds and runs the plugin of the guide', async () => {
  const guide = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/plugins.md'), 'utf8');
  const blocks = [...guide.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2]! }));
  const source = blocks.find((b) => b.lang === 'ts' && b.code.includes('definePlugin({'))!.code;
  const migration = blocks.find((b) => b.lang === 'sql')!.code;
  const test = blocks.find((b) => b.lang === 'ts' && b.code.includes('createTestHost'))!.code;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-plugin-callbacks-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.mkdirSync(path.join(dir, 'migrations'));
  fs.writeFileSync(path.join(dir, 'src', 'index.ts'), source);
  fs.writeFileSync(path.join(dir, 'migrations', '20270101000000_callbacks.sql'), migration);
  const plugin = (await import(path.join(dir, 'src', 'index.ts'))).default;

  // The guide's test, step by step.
  expect(test).toContain("host.clock.advance(3 * 3_600_000)");
  const host = await createTestHost({ plugins: [{ plugin, config: { remindAfterHours: 2 } }] });
  const company = await host.company('Jensens VVS ApS');
  const res = await host.request('POST', `/api/callbacks/${company}`, { body: { phone: '+45 12 34 56 78' } });
  expect(res.status).toBe(201);
  expect(await host.runJobs()).toBe(0);
  host.clock.advance(3 * 3_600_000);
  expect(await host.runJobs()).toBe(1);
  const timeline = await host.request('GET', `/api/companies/${company}/timeline`);
  expect(timeline.body.items[0].type).toBe('callback.overdue');
  expect((await host.request('POST', `/api/callbacks/${company}`, { body: { phone: 'call me' } })).body).toMatchObject({ status: 422, detail: 'body.phone: is not a phone number' });
  expect((await host.request('GET', `/api/callbacks/${company}`)).body.items).toHaveLength(1);
  await host.close();
});
