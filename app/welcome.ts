import type { Config } from '../core/config/index.ts';
import { createSigninCode, createStaffUser, listStaffUsers } from '../core/auth/users.ts';
import type { Database } from '../core/db/types.ts';

/**
 * The few human lines `crm start` prints (logs stay separate JSON lines): where the intranet is,
 * with a one-time sign-in link for the first admin (made on the first start of a CRM whose staff
 * are not Supabase users), the demo website, and the API.
 *
 * @example
 * for (const line of await welcome(db, config, 'http://127.0.0.1:8787')) io.out(line);
 */
export async function welcome(db: Database, config: Config, url: string): Promise<string[]> {
  const base = config.publicUrl ?? url;
  const lines = [''];
  const supabaseStaff = Boolean(config.supabase.jwtSecret || config.supabase.jwksUrl);
  if (supabaseStaff) {
    lines.push(`  Intranet:  ${base}/app/   (sign in with your Supabase account)`);
  } else {
    const staff = await listStaffUsers(db.orm);
    const admin = staff.find((u) => u.role === 'admin' && !u.disabledAt)
      ?? (staff.length === 0 ? await createStaffUser(db.orm, { email: `admin@${config.selfCompany.domain ?? 'localhost'}`, name: 'Administrator', role: 'admin' }) : undefined);
    if (admin) {
      const { code } = await createSigninCode(db.orm, admin.id, 24 * 3_600_000);
      lines.push(`  Intranet:  ${base}/app/#signin=${code}`, `             (a one-time sign-in link for ${admin.name}, valid 24 hours; add staff with crm users add)`);
    } else {
      lines.push(`  Intranet:  ${base}/app/`);
    }
  }
  lines.push(`  Website:   ${base}/site/   (a demo website with the chat)`, `  API:       ${base}/api/    (described at ${base}/openapi.json; the admin key is in ${config.dataDir}/admin.key)`, '');
  return lines;
}
