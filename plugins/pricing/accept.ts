import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../../plugin-api.d.ts';

/**
 * Acceptance links: a quote's id and an expiry, signed with HMAC-SHA256 under a secret the
 * plugin makes once and keeps in its key-value store (so links work with no setup, and survive
 * restarts). The link is the only credential a customer has: anyone holding it may see that
 * one quote and accept it, nothing else, until it expires.
 *
 * @example
 * const token = await signQuoteLink(ctx.kv, quoteId, new Date('2027-01-31T23:59:59Z'));
 * await verifyQuoteLink(ctx.kv, token); // { quoteId, expiresAt } or null
 */
async function secret(kv: KeyValueStore): Promise<Buffer> {
  const stored = await kv.get<string>('secret:accept-links');
  if (stored) return Buffer.from(stored, 'base64');
  const made = randomBytes(32).toString('base64');
  await kv.set('secret:accept-links', made);
  // Two servers starting at once: whichever wrote last wins, and both read that one from now on.
  return Buffer.from((await kv.get<string>('secret:accept-links')) ?? made, 'base64');
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export async function signQuoteLink(kv: KeyValueStore, quoteId: string, expiresAt: Date): Promise<string> {
  const payload = `${quoteId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(await secret(kv), payload)}`;
}

/** The quote a token names, if its signature holds and it has not expired. */
export async function verifyQuoteLink(kv: KeyValueStore, token: string, now = new Date()): Promise<{ quoteId: string; expiresAt: Date } | null> {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, quoteId, exp, sig] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(await secret(kv), `${quoteId}.${exp}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const expiresAt = new Date(Number(exp) * 1000);
  return expiresAt > now ? { quoteId, expiresAt } : null;
}
