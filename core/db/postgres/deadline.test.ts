import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { CrmError } from '../../errors/index.ts';
import { OUTCOME_UNKNOWN, withDeadlines } from './deadline.ts';

const connectionClosed = () => Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });

/** A postgres.js client whose `begin` is scripted: it gets a connection after `connectAfterMs`, and then runs or fails as told. */
function fakeClient(script: { connectAfterMs: number; commit: 'ok' | 'lost' }) {
  const ran: string[] = [];
  const client = {
    begin: async (work: (sql: unknown) => Promise<unknown>) => {
      await new Promise((resolve) => setTimeout(resolve, script.connectAfterMs));
      const result = await work({});
      ran.push('work');
      if (script.commit === 'lost') throw connectionClosed();
      ran.push('commit');
      return result;
    },
  };
  return { sql: withDeadlines(client as unknown as Sql, { acquireMs: 50 }), ran };
}

describe('transaction deadlines on postgres.js', () => {
  it('gives up a transaction that waits too long for a connection, and never runs its work later', async () => {
    const { sql, ran } = fakeClient({ connectAfterMs: 150, commit: 'ok' });
    const started = performance.now();
    const error = await sql.begin(async () => 'saved').catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(140);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).code).toBe('unavailable');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ran).toEqual([]);
  });

  it('says the outcome is unknown when the connection is lost after the work finished (during COMMIT)', async () => {
    const { sql } = fakeClient({ connectAfterMs: 0, commit: 'lost' });
    const error = (await sql.begin(async () => 'saved').catch((e: unknown) => e)) as CrmError;
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(OUTCOME_UNKNOWN);
  });

  it('passes a committed transaction through', async () => {
    const { sql, ran } = fakeClient({ connectAfterMs: 0, commit: 'ok' });
    expect(await sql.begin(async () => 'saved')).toBe('saved');
    expect(ran).toEqual(['work', 'commit']);
  });
});
