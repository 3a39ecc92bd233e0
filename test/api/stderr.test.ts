import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHost } from '../../app/testing/index.ts';
import { consoleToLogger, createLogger } from '../../core/log/index.ts';
import chat from '../../plugins/chat/index.ts';

const ORIGIN = 'https://www.nordlys-tag.dk';

/** Nothing but the logger may write to the server's stdout and stderr (and the CLI's human lines). */
describe('output goes through the logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes nothing to stderr when a visitor event stream fails on the database', async () => {
    const host = await createTestHost({ plugins: [chat] });
    const stderr = vi.spyOn(process.stderr, 'write');
    const consoleError = vi.spyOn(console, 'error');
    const site = (await host.request('POST', '/api/chat/sites', { body: { name: 'Web', allowed_origins: [ORIGIN] } })).body;
    const s = (await host.request('POST', '/api/chat/sessions', { token: null, headers: { origin: ORIGIN }, body: { site_key: site.site_key } })).body;
    const stream = await host.fetch(`/api/chat/sessions/${s.session_id}/events?token=${encodeURIComponent(s.visitor_token)}`, { headers: { origin: ORIGIN } });
    expect(stream.status).toBe(200);
    await host.db.orm.execute(sql`alter table chat_messages rename to chat_messages_away`);
    const reader = stream.body!.getReader();
    // The stream's next look for staff replies fails, and the stream ends.
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
    await host.db.orm.execute(sql`alter table chat_messages_away rename to chat_messages`);
    expect(consoleError).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
    await host.close();
  });

  it("turns a library's console output into one redacted log line, without a database error's parameters", () => {
    const lines: Record<string, any>[] = [];
    const sink = new Writable({ write: (chunk, _e, done) => { lines.push(JSON.parse(String(chunk))); done(); } });
    const restore = consoleToLogger(createLogger('info', sink));
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      const failed = Object.assign(new Error('Failed query: insert into chat_messages (text) values ($1)\nparams: Mit CPR-nummer er 010203-1234'), { name: 'DrizzleQueryError' });
      console.error(failed);
      console.warn('deprecated option');
    } finally {
      restore();
    }
    expect(stderr).not.toHaveBeenCalled();
    expect(lines[0]).toMatchObject({ level: 50, source: 'console', err: { message: expect.stringContaining('Failed query: insert into chat_messages') } });
    expect(JSON.stringify(lines)).not.toContain('010203-1234');
    expect(lines[1]).toMatchObject({ level: 40, msg: expect.stringContaining('console.warn: deprecated option') });
  });
});
