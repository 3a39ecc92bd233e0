import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.ts';

describe('loadConfig', () => {
  it('uses the embedded defaults with an empty environment', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({ port: 8787, dataDir: '/srv/app/.data', databaseUrl: undefined, corsOrigins: [] });
  });

  it('seeds the demo workspace unless DEMO=false', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DEMO: 'false' }).demo).toBe(false);
    expect(loadConfig({ DEMO: 'true' }).demo).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }).port).toBe(8787);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT .*\(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a URL starting with postgres:/],
    [{ CORS_ORIGINS: 'https://ok.dk,not a url' }, /CORS_ORIGINS .*not an origin/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ SUPABASE_JWT_SECRET: 'short' }, /SUPABASE_JWT_SECRET must be at least 32/],
    [{ EMBEDDING_DIMENSIONS: '3072' }, /EMBEDDING_DIMENSIONS must be at most 2000/],
    [{ EMBEDDING_PROVIDER: 'openai' }, /EMBEDDING_PROVIDER is openai but OPENAI_API_KEY is unset/],
    [{ DEMO: 'no' }, /^Invalid configuration: DEMO must be true or false \(got "no"\)$/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('derives the JWKS URL from SUPABASE_URL when no secret is set', () => {
    const config = loadConfig({ SUPABASE_URL: 'https://abc.supabase.co' });
    expect(config.supabase.jwksUrl).toBe('https://abc.supabase.co/auth/v1/.well-known/jwks.json');
  });

  it('embeds offline by default and with OpenAI when a key is set', () => {
    expect(loadConfig({}).embeddings).toEqual({ provider: 'offline', dimensions: 384 });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).embeddings).toEqual({ provider: 'openai', dimensions: 384 });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', EMBEDDING_PROVIDER: 'offline' }).embeddings.provider).toBe('offline');
  });

  it('answers with an OpenAI-compatible model when a key is set, unless told not to', () => {
    expect(loadConfig({}).llm).toEqual({ provider: 'none' });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', LLM_MODEL: 'llama3.1' }).llm).toEqual({ provider: 'openai', model: 'llama3.1' });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', LLM_PROVIDER: 'none' }).llm.provider).toBe('none');
    expect(() => loadConfig({ LLM_PROVIDER: 'openai' })).toThrow('LLM_PROVIDER is openai but OPENAI_API_KEY is unset');
  });

  it('normalises CORS origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://intranet.firma.dk/, http://localhost:5173' }).corsOrigins).toEqual([
      'https://intranet.firma.dk',
      'http://localhost:5173',
    ]);
  });

  it('reads the public URL and the number of trusted proxies, and refuses bad values in one line', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1', PUBLIC_URL: 'https://crm.firma.dk/' })).toMatchObject({ trustProxy: 1, publicUrl: 'https://crm.firma.dk' });
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/^Invalid configuration: TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '-1' })).toThrow(/^Invalid configuration: TRUST_PROXY/);
    expect(() => loadConfig({ PUBLIC_URL: 'crm.firma.dk' })).toThrow(/^Invalid configuration: PUBLIC_URL must be a URL/);
  });

  it('reads the PostgreSQL timeouts, with defaults and one-line errors', () => {
    expect(loadConfig({}).db).toEqual({ connectMs: 5000, acquireMs: 5000, statementMs: 15_000, longStatementMs: 600_000 });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '30000', DB_LONG_STATEMENT_TIMEOUT_MS: '0' }).db).toMatchObject({ statementMs: 30_000, longStatementMs: 0 });
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(
      'Invalid configuration: DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds, at least 100 (got "soon")',
    );
    expect(() => loadConfig({ DB_CONNECT_TIMEOUT_MS: '5' })).toThrow(/^Invalid configuration: DB_CONNECT_TIMEOUT_MS must be a whole number of milliseconds, at least 100 \(got "5"\)$/);
    expect(() => loadConfig({ DB_ACQUIRE_TIMEOUT_MS: '1.5e3x' })).toThrow(/^Invalid configuration: DB_ACQUIRE_TIMEOUT_MS must be/);
  });
});
