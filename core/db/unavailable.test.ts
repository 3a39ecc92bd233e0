import { describe, expect, it } from 'vitest';
import { CrmError } from '../errors/index.ts';
import { databaseUnavailable } from './unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** drizzle wraps a driver's error as the cause of its own "Failed query" error. */
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

describe('databaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['postgres.js connect timeout', withCode('CONNECT_TIMEOUT')],
    ['postgres.js connection closed', withCode('CONNECTION_CLOSED')],
    ['administrator shutdown (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['too many connections (53300)', withCode('53300')],
    ['connection failure (08006)', withCode('08006')],
    ['statement timeout (57014)', withCode('57014', 'canceling statement due to statement timeout')],
    ['PGlite closed', new Error('PGlite is closed')],
    ['a full disk on Postgres (53100)', withCode('53100', 'could not extend file "base/16384/16402": No space left on device')],
  ])('turns %s, also wrapped by drizzle, into a 503 with Retry-After', (_, error) => {
    for (const thrown of [error, wrapped(error)]) {
      const crm = databaseUnavailable(thrown);
      expect(crm).toBeInstanceOf(CrmError);
      expect(crm?.status).toBe(503);
      expect(crm?.extra?.retryAfter).toBeGreaterThan(0);
    }
  });

  it('says that a full disk saved nothing of the request', () => {
    expect(databaseUnavailable(wrapped(withCode('53100')))?.message).toMatch(/no disk space left, so nothing of this request was saved/);
  });

  it('leaves statement errors and other typed errors alone', () => {
    expect(databaseUnavailable(wrapped(withCode('23505', 'duplicate key')))).toBeUndefined();
    expect(databaseUnavailable(new CrmError('not_found', 'Company not found'))).toBeUndefined();
    expect(databaseUnavailable(new Error('boom'))).toBeUndefined();
  });
});
