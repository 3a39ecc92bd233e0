import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../../plugin-api.d.ts';
import { CrmError } from '../../plugin-api.js';

export const SIGNATURE_HEADER = 'x-crm-signature';
export const TIMESTAMP_HEADER = 'x-crm-timestamp';

/**
 * The signature a sender of `POST /api/email/inbound` puts in `X-CRM-Signature`:
 * `sha256=` and the hex HMAC-SHA256, with the shared secret, of the timestamp (Unix seconds,
 * also sent as `X-CRM-Timestamp`), a dot, and the raw body, the scheme Stripe and Slack use.
 *
 * @example
 * const timestamp = Math.floor(Date.now() / 1000);
 * fetch(url, { method: 'POST', body: raw, headers: { 'content-type': 'message/rfc822', 'x-crm-timestamp': String(timestamp), 'x-crm-signature': sign(secret, timestamp, raw) } });
 */
export function sign(secret: string, timestamp: number, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * Refuses (401) an unsigned, wrongly signed, stale or replayed request: the signature must
 * match, the timestamp be within the tolerance of now, and the signature not have been used
 * before (remembered for the tolerance window, after which the timestamp refuses it anyway).
 *
 * @example
 * await verifyInbound(ctx.kv, { secret, toleranceSeconds: 300 }, headers, body);
 */
export async function verifyInbound(
  kv: KeyValueStore, options: { secret: string; toleranceSeconds: number; now?: number },
  headers: { signature: string | undefined; timestamp: string | undefined }, body: Uint8Array,
): Promise<void> {
  if (!headers.signature || !headers.timestamp) throw new CrmError('unauthorized', `Sign the request: ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} (sha256=HMAC of "<timestamp>.<body>")`);
  const timestamp = Number(headers.timestamp);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (!/^\d{9,11}$/.test(headers.timestamp) || Math.abs(now - timestamp) > options.toleranceSeconds) {
    throw new CrmError('unauthorized', `${TIMESTAMP_HEADER} is not within ${options.toleranceSeconds} s of the server's time`);
  }
  const expected = Buffer.from(sign(options.secret, timestamp, body));
  const given = Buffer.from(headers.signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new CrmError('unauthorized', 'The signature does not match the body and timestamp');
  const key = `replay:${headers.signature.trim().slice(7, 71)}`;
  if (await kv.get(key)) throw new CrmError('unauthorized', 'This signed request was received before (a replay)');
  await kv.set(key, timestamp);
  await forgetOld(kv, now - options.toleranceSeconds * 2);
}

let calls = 0;

/** Now and then, drops remembered signatures too old to be accepted anyway. */
async function forgetOld(kv: KeyValueStore, before: number): Promise<void> {
  if (++calls % 50 !== 1) return;
  for (const { key, value } of await kv.list<number>('replay:', 1000)) if (value < before) await kv.delete(key);
}
