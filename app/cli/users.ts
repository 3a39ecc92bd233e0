import { audit } from '../../core/audit/index.ts';
import { createSigninCode, createStaffUser, listStaffUsers, staffUserByEmail } from '../../core/auth/users.ts';
import type { Config } from '../../core/config/index.ts';
import { migrate } from '../../core/db/migrator/index.ts';
import { openDatabase } from '../../core/db/open.ts';
import { STAFF_ROLES, type StaffRole } from '../../core/db/schema/index.ts';
import type { Database } from '../../core/db/types.ts';
import { CrmError } from '../../core/errors/index.ts';
import { isUuid } from '../../core/ids/index.ts';
import { parseOptions } from './index.ts';

type Io = { out: (line: string) => void };
type Work = (db: Database, io: Io) => Promise<void>;

/**
 * `crm users add|list|link`: the staff of the embedded default (with Supabase, its Auth users are
 * the staff). A password is read from standard input with `--password-stdin`, never from the
 * command line (it would stay in the shell's history); without one the person signs in with a
 * link: `crm users link <email>` prints a fresh one-time link, valid 24 hours.
 */
export async function usersCommand(config: Config, args: string[], io: Io, stdin: () => Promise<string> = readStdin): Promise<number> {
  const [action, ...rest] = args;
  const work = action === 'add' ? await add(rest, stdin) : action === 'list' ? list : action === 'link' ? link(rest, config) : undefined;
  if (!work) throw new CrmError('bad_request', 'Usage: crm users add|list|link (see "crm help")');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    await work(db, io);
    return 0;
  } finally {
    await db.close();
  }
}

async function add(args: string[], stdin: () => Promise<string>): Promise<Work> {
  const { values } = parseOptions({
    args, strict: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, company: { type: 'string', multiple: true }, 'password-stdin': { type: 'boolean' } },
  });
  if (!values.email || !values.name) throw new CrmError('bad_request', 'users add needs --email <address> and --name <name>');
  const role = (values.role ?? 'staff') as StaffRole;
  if (!STAFF_ROLES.includes(role)) throw new CrmError('bad_request', `--role must be one of ${STAFF_ROLES.join(', ')}`);
  const companies = (values.company ?? []) as string[];
  const bad = companies.find((id) => !isUuid(id));
  if (bad) throw new CrmError('bad_request', `--company "${bad}" is not a company id (UUID)`);
  const password = values['password-stdin'] ? (await stdin()).replace(/\r?\n$/, '') : null;
  return async (db, io) => {
    const user = await createStaffUser(db.orm, { email: String(values.email), name: String(values.name), role, companyIds: companies.length ? companies : null, password });
    await audit(db.orm, { actor: 'cli', action: 'staff_user.create', targetType: 'staff_user', targetId: user.id, details: { role } });
    io.out(`Added ${user.name} <${user.email}> as ${user.role}${user.companyIds ? ` for ${user.companyIds.length} companies` : ''}${password ? ', with a password' : '; sign-in link: crm users link ' + user.email}.`);
  };
}

const list: Work = async (db, io) => {
  const users = await listStaffUsers(db.orm);
  if (users.length === 0) io.out('No staff users.');
  for (const u of users) io.out(`${u.id}  ${u.role.padEnd(6)}  ${u.disabledAt ? 'disabled' : 'active  '}  ${u.email}  ${u.name}`);
};

function link(args: string[], config: Config): Work {
  const [email] = args;
  if (!email) throw new CrmError('bad_request', 'Usage: crm users link <email>');
  return async (db, io) => {
    const user = await staffUserByEmail(db.orm, email);
    if (!user || user.disabledAt) throw new CrmError('not_found', `No active staff member with the email ${email}; see "crm users list"`);
    const { code } = await createSigninCode(db.orm, user.id, 24 * 3_600_000);
    const base = config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    io.out(`${base}/app/#signin=${code}`);
    io.out(`A one-time sign-in link for ${user.name}, valid 24 hours.`);
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
