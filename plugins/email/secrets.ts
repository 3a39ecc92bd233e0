import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { CrmError } from '../../plugin-api.js';

/**
 * Mailbox passwords and OAuth2 tokens at rest: AES-256-GCM with a key derived from the
 * configured `secretKey` (from the environment), the account id as associated data so a
 * secret copied onto another account's row does not decrypt. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url).
 *
 * @example
 * const sealed = sealSecret(key, accountId, 'hunter2');
 * openSecret(key, accountId, sealed); // 'hunter2'
 */
export function sealSecret(secretKey: string | undefined, accountId: string, plain: string): string {
  const key = keyOf(secretKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(accountId));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The plain secret of {@link sealSecret}; a wrong key or a tampered value is an error that says so. */
export function openSecret(secretKey: string | undefined, accountId: string, sealed: string): string {
  const key = keyOf(secretKey);
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new CrmError('internal', 'The stored mailbox secret is not in a known format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(accountId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new CrmError('unavailable', 'The mailbox secret cannot be decrypted: CRM_PLUGIN_EMAIL_SECRET_KEY is not the key it was stored with', { cause: error });
  }
}

function keyOf(secretKey: string | undefined): Buffer {
  if (!secretKey) {
    throw new CrmError('unavailable', 'Mailbox passwords are stored encrypted: set CRM_PLUGIN_EMAIL_SECRET_KEY (at least 32 characters, e.g. `openssl rand -base64 32`) and restart');
  }
  // Any long random string is a key: hashing spreads it over the 256 bits AES needs.
  return createHash('sha256').update(`crm-email-secret:${secretKey}`).digest();
}
