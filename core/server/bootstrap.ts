import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { countApiKeys, createApiKey } from '../auth/keys.ts';
import { audit } from '../audit/index.ts';
import { ensureSelfCompany } from '../companies/self.ts';
import { scope } from '../db/scope/index.ts';
import type { Database, Orm } from '../db/types.ts';

/** Arbitrary constant: the lock that makes first-start work happen once across servers. */
const BOOTSTRAP_LOCK = 7_265_100_312;

export interface BootstrapResult {
  selfCompanyId: string;
  /** Set only on the very first start: the admin key's secret, shown once. */
  adminSecret?: string;
  adminKeyFile?: string;
}

/**
 * First-start work, safe to run on every start: the `self` company, and an admin key when
 * the database has no keys at all (written to `<dataDir>/admin.key`, mode 0600).
 *
 * @example
 * const { adminSecret } = await bootstrap(db, { dataDir: '.data', selfCompany: { name: 'Jensens VVS' } });
 */
export async function bootstrap(
  db: Database,
  options: { dataDir: string; selfCompany: { name: string; domain?: string } },
): Promise<BootstrapResult> {
  const self = await scope(db, 'all').run((tx) => ensureSelfCompany(tx, options.selfCompany));
  const secret = await db.orm.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const orm = tx as unknown as Orm;
    if ((await countApiKeys(orm)) > 0) return undefined;
    const { key, secret } = await createApiKey(orm, { name: 'First admin key', scopes: ['admin'], createdBy: 'system' });
    await audit(orm, { actor: 'system', action: 'api_key.create', targetType: 'api_key', targetId: key.id, details: { reason: 'first start' } });
    return secret;
  });
  if (!secret) return { selfCompanyId: self.company.id };
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'admin.key');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { selfCompanyId: self.company.id, adminSecret: secret, adminKeyFile: file };
}

/**
 * What a process says when bootstrap created the first admin key (its secret is shown this
 * once), or undefined when it did not.
 *
 * @example
 * const notice = adminKeyNotice(await bootstrap(db, options));
 * if (notice) print(notice);
 */
export function adminKeyNotice(boot: BootstrapResult): string | undefined {
  if (!boot.adminSecret) return undefined;
  return `\nFirst start: created an admin API key. It is shown once, and saved to ${boot.adminKeyFile} (mode 0600):\n\n  ${boot.adminSecret}\n`;
}
