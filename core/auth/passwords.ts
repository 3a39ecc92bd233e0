import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** scrypt's cost: N = 2^15, r = 8, p = 1 (32 MiB and some tens of milliseconds per sign-in). */
const COST = { N: 2 ** 15, r: 8, p: 1 };

/**
 * A password as stored: `scrypt$N$r$p$salt$hash`, so the cost can rise later without
 * invalidating what is stored.
 *
 * @example
 * const stored = await hashPassword('korrekt hest batteri hæfteklamme');
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password.normalize('NFKC'), salt, 32, { ...COST, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * True when the password matches what was stored (compared in constant time).
 *
 * @example
 * if (!(await checkPassword(input, user.passwordHash))) throw new CrmError('unauthorized', 'Wrong email or password');
 */
export async function checkPassword(password: string, stored: string | null): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = (stored ?? '').split('$');
  if (kind !== 'scrypt' || !salt || !hash) {
    // Spend the same time either way, so a missing user is not told apart from a wrong password.
    await derive(password, Buffer.alloc(16), 32, { ...COST, maxmem: 64 * 1024 * 1024 });
    return false;
  }
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return timingSafeEqual(expected, actual);
}
