import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CompactSign, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError, type ErrorCode } from '../errors/index.ts';
import { createJwtVerifier, looksLikeJwt } from './jwt.ts';

const SECRET = 'super-secret-jwt-token-with-at-least-32-characters';
const NOW = 1_800_000_000_000; // pinned clock, ms
const SECONDS = NOW / 1000;
const USER = '6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b';
const COMPANY_A = '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47';
const COMPANY_B = '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e48';

const now = () => NOW;
const hsVerifier = createJwtVerifier({ jwtSecret: SECRET, now })!;

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    sub: USER,
    aud: 'authenticated',
    role: 'authenticated',
    email: 'ana@example.com',
    iat: SECONDS - 60,
    exp: SECONDS + 3600,
    app_metadata: { provider: 'email', crm_role: 'staff' },
    user_metadata: {},
    ...overrides,
  };
}

function signHs(payload: JWTPayload = claims(), secret = SECRET, alg = 'HS256'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Asserts a CrmError with the code, and that neither the token nor the secret leaks into the message. */
async function expectCrmError(promise: Promise<unknown>, code: ErrorCode, message: string, token?: string) {
  const error = await promise.then(
    () => expect.fail('expected verify to throw'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrmError);
  const err = error as CrmError;
  expect(err.code).toBe(code);
  expect(err.message).toBe(message);
  expect(err.message).not.toContain(SECRET);
  if (token) for (const part of token.split('.').filter(Boolean)) expect(err.message).not.toContain(part);
}

describe('createJwtVerifier (HS256 shared secret)', () => {
  it('returns undefined when nothing is configured', () => {
    expect(createJwtVerifier({})).toBeUndefined();
    expect(createJwtVerifier({ jwtSecret: '', jwksUrl: '' })).toBeUndefined();
  });

  it('verifies a staff token', async () => {
    expect(await hsVerifier.verify(await signHs())).toEqual({
      subject: USER,
      email: 'ana@example.com',
      role: 'staff',
      companyIds: 'all',
    });
  });

  it('reads the admin role', async () => {
    const token = await signHs(claims({ app_metadata: { crm_role: 'admin' } }));
    expect((await hsVerifier.verify(token)).role).toBe('admin');
  });

  it('restricts to app_metadata.company_ids (normalised, deduplicated)', async () => {
    const ids = [COMPANY_A, COMPANY_B.toUpperCase(), COMPANY_A];
    const token = await signHs(claims({ app_metadata: { crm_role: 'viewer', company_ids: ids } }));
    expect(await hsVerifier.verify(token)).toMatchObject({ role: 'viewer', companyIds: [COMPANY_A, COMPANY_B] });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signHs(claims(), 'another-secret-that-is-also-32-characters-long');
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Invalid token signature', token);
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await signHs()).split('.');
    const token = `${header}.${b64(claims({ app_metadata: { crm_role: 'admin' } }))}.${signature}`;
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Invalid token signature', token);
  });

  it('refuses an unsigned alg:none token', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims({ app_metadata: { crm_role: 'admin' } }))}.`;
    expect(looksLikeJwt(token)).toBe(true);
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Token algorithm not allowed', token);
  });

  it('refuses HS512 even with the right secret', async () => {
    const token = await signHs(claims(), SECRET, 'HS512');
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Token algorithm not allowed', token);
  });

  it('refuses an RS256 token when only a secret is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Token algorithm not allowed', token);
  });

  it('refuses an expired token', async () => {
    const token = await signHs(claims({ iat: SECONDS - 7200, exp: SECONDS - 1 }));
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Token expired', token);
  });

  it('uses the injected clock', async () => {
    const token = await signHs(claims({ exp: SECONDS - 1 }));
    const earlier = createJwtVerifier({ jwtSecret: SECRET, now: () => NOW - 10_000 })!;
    expect((await earlier.verify(token)).subject).toBe(USER);
  });

  it('refuses a token without exp', async () => {
    const { exp: _exp, ...rest } = claims();
    const token = await signHs(rest);
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Token has no exp claim', token);
  });

  it('refuses a token that is not yet valid', async () => {
    const token = await signHs(claims({ nbf: SECONDS + 600 }));
    await expectCrmError(hsVerifier.verify(token), 'unauthorized', 'Token not yet valid', token);
  });

  it('refuses an audience other than authenticated', async () => {
    const anon = await signHs(claims({ aud: 'anon' }));
    await expectCrmError(hsVerifier.verify(anon), 'unauthorized', 'Token audience not allowed', anon);
    const { aud: _aud, ...rest } = claims();
    await expectCrmError(hsVerifier.verify(await signHs(rest)), 'unauthorized', 'Token audience not allowed');
  });

  it('requires the issuer when one is configured', async () => {
    const issuer = 'https://abc.supabase.co/auth/v1';
    const verifier = createJwtVerifier({ jwtSecret: SECRET, issuer, now })!;
    expect((await verifier.verify(await signHs(claims({ iss: issuer })))).role).toBe('staff');
    const other = await signHs(claims({ iss: 'https://evil.example/auth/v1' }));
    await expectCrmError(verifier.verify(other), 'unauthorized', 'Token issuer not allowed', other);
  });

  it('requires sub to be a uuid', async () => {
    const { sub: _sub, ...rest } = claims();
    await expectCrmError(hsVerifier.verify(await signHs(rest)), 'unauthorized', 'Token has no sub claim');
    await expectCrmError(hsVerifier.verify(await signHs(claims({ sub: 'service' }))), 'unauthorized', 'Token subject is not a user id');
  });

  it('refuses garbage as a malformed token', async () => {
    await expectCrmError(hsVerifier.verify('not.a.jwt'), 'unauthorized', 'Malformed token');
    // Correctly signed, but the payload is not a JSON claims set.
    const notJson = await new CompactSign(new TextEncoder().encode('not json'))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    await expectCrmError(hsVerifier.verify(notJson), 'unauthorized', 'Malformed token');
  });

  it('forbids a valid token without crm_role', async () => {
    const token = await signHs(claims({ app_metadata: { provider: 'email' } }));
    await expectCrmError(hsVerifier.verify(token), 'forbidden', 'This account has no CRM role (app_metadata.crm_role)');
    const bare = await signHs(claims({ app_metadata: undefined }));
    await expectCrmError(hsVerifier.verify(bare), 'forbidden', 'This account has no CRM role (app_metadata.crm_role)');
  });

  it('ignores a crm_role in user_metadata (users can edit it themselves)', async () => {
    const token = await signHs(
      claims({ app_metadata: { provider: 'email' }, user_metadata: { crm_role: 'admin', company_ids: [COMPANY_A] } }),
    );
    await expectCrmError(hsVerifier.verify(token), 'forbidden', 'This account has no CRM role (app_metadata.crm_role)');
  });

  it('forbids an unknown crm_role', async () => {
    const token = await signHs(claims({ app_metadata: { crm_role: 'owner' } }));
    await expectCrmError(hsVerifier.verify(token), 'forbidden', "This account's app_metadata.crm_role must be admin, staff or viewer");
  });

  it('forbids malformed company_ids', async () => {
    const message = "This account's app_metadata.company_ids must be an array of company UUIDs";
    for (const companyIds of ['all', [COMPANY_A, 'acme'], [42], { 0: COMPANY_A }]) {
      const token = await signHs(claims({ app_metadata: { crm_role: 'staff', company_ids: companyIds } }));
      await expectCrmError(hsVerifier.verify(token), 'forbidden', message);
    }
  });
});

describe('createJwtVerifier (JWKS)', () => {
  let server: Server;
  let jwksUrl: string;
  let rsa: CryptoKeyPair;
  let ec: CryptoKeyPair;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    const keys = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/v1/.well-known/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (key: CryptoKey, alg: string, kid: string, payload = claims()) =>
    new SignJWT(payload).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);

  it('verifies an RS256 token against the JWKS', async () => {
    const verifier = createJwtVerifier({ jwksUrl, now })!;
    const token = await sign(rsa.privateKey, 'RS256', 'rsa-1', claims({ app_metadata: { crm_role: 'admin', company_ids: [COMPANY_A] } }));
    expect(await verifier.verify(token)).toEqual({
      subject: USER,
      email: 'ana@example.com',
      role: 'admin',
      companyIds: [COMPANY_A],
    });
  });

  it('verifies an ES256 token against the JWKS', async () => {
    const verifier = createJwtVerifier({ jwksUrl, now })!;
    expect((await verifier.verify(await sign(ec.privateKey, 'ES256', 'ec-1'))).role).toBe('staff');
  });

  it('refuses an RS256 token signed by a different key', async () => {
    const verifier = createJwtVerifier({ jwksUrl, now })!;
    const stranger = await generateKeyPair('RS256');
    const sameKid = await sign(stranger.privateKey, 'RS256', 'rsa-1');
    await expectCrmError(verifier.verify(sameKid), 'unauthorized', 'Invalid token signature', sameKid);
    const unknownKid = await sign(stranger.privateKey, 'RS256', 'rsa-2');
    await expectCrmError(verifier.verify(unknownKid), 'unauthorized', 'Token signing key not recognised', unknownKid);
  });

  it('refuses HS256 when only a JWKS is configured', async () => {
    const verifier = createJwtVerifier({ jwksUrl, now })!;
    const token = await signHs();
    await expectCrmError(verifier.verify(token), 'unauthorized', 'Token algorithm not allowed', token);
  });

  it('accepts either kind when both are configured, routed by alg', async () => {
    const verifier = createJwtVerifier({ jwtSecret: SECRET, jwksUrl, now })!;
    expect((await verifier.verify(await signHs())).subject).toBe(USER);
    expect((await verifier.verify(await sign(rsa.privateKey, 'RS256', 'rsa-1'))).subject).toBe(USER);
    // An HS256 token "signed" with the RSA public key (key-confusion attack) must fail.
    const confused = await signHs(claims(), JSON.stringify(await exportJWK(rsa.publicKey)));
    await expectCrmError(verifier.verify(confused), 'unauthorized', 'Invalid token signature', confused);
  });

  it('reports an unreachable JWKS as unavailable, not as a bad token', async () => {
    const verifier = createJwtVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks.json', now })!;
    await expectCrmError(verifier.verify(await sign(rsa.privateKey, 'RS256', 'rsa-1')), 'unavailable', 'Could not load the token signing keys');
  });
});

describe('looksLikeJwt', () => {
  it('accepts three base64url segments', async () => {
    expect(looksLikeJwt(await signHs())).toBe(true);
    expect(looksLikeJwt('aGVhZGVy.cGF5bG9hZA.c2ln')).toBe(true);
  });

  it('rejects API keys and other shapes', () => {
    for (const token of ['crm_AbC123-_xyz', 'a.b', 'a.b.c.d', '.b.c', 'a..c', 'a.b+c.d', 'a b.c.d', '']) {
      expect(looksLikeJwt(token), token).toBe(false);
    }
  });
});
