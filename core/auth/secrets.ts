import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/types.ts';

/**
 * A secret every server on this database shares (the key that signs staff and embed tokens):
 * made once, at random, by whichever server asks first, and read from the database after that,
 * so a token one server issued is accepted by all.
 *
 * @example
 * const key = await serverSecret(db, 'token-signing'); // 32 random bytes, the same on every server
 */
export async function serverSecret(db: Database, name: string): Promise<Uint8Array> {
  await db.orm.execute(sql`insert into server_secrets (name, value) values (${name}, ${randomBytes(32).toString('base64url')}) on conflict (name) do nothing`);
  const [row] = rowsOf<{ value: string }>(await db.orm.execute(sql`select value from server_secrets where name = ${name}`));
  return new Uint8Array(Buffer.from(row!.value, 'base64url'));
}
