import { audit } from '../../core/audit/index.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../core/auth/keys.ts';
import type { Config } from '../../core/config/index.ts';
import { migrate } from '../../core/db/migrator/index.ts';
import { openDatabase } from '../../core/db/open.ts';
import { API_SCOPES, type ApiScope } from '../../core/db/schema/index.ts';
import type { Database } from '../../core/db/types.ts';
import { CrmError } from '../../core/errors/index.ts';
import { isUuid } from '../../core/ids/index.ts';
import { parseOptions } from './index.ts';

type Io = { out: (line: string) => void };

/** `crm keys create|list|revoke`. Arguments are checked before the database is opened. */
export async function keysCommand(config: Config, args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  const work =
    action === 'create' ? create(rest) : action === 'list' ? list : action === 'revoke' ? revoke(rest) : undefined;
  if (!work) throw new CrmError('bad_request', 'Usage: crm keys create|list|revoke (see "crm help")');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    await work(db, io);
    return 0;
  } finally {
    await db.close();
  }
}

type Work = (db: Database, io: Io) => Promise<void>;

function create(args: string[]): Work {
  const { values } = parseOptions({
    args,
    strict: true,
    options: {
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      company: { type: 'string', multiple: true },
      expires: { type: 'string' },
    },
  });
  if (!values.name) throw new CrmError('bad_request', 'keys create needs --name <name>');
  const scopes = (values.scope ?? []) as string[];
  if (scopes.length === 0) throw new CrmError('bad_request', `keys create needs at least one --scope (${API_SCOPES.join(', ')})`);
  const badScope = scopes.find((s) => !API_SCOPES.includes(s as ApiScope));
  if (badScope) throw new CrmError('bad_request', `Unknown scope "${badScope}"; use ${API_SCOPES.join(', ')}`);
  const companies = (values.company ?? []) as string[];
  const badCompany = companies.find((id) => !isUuid(id));
  if (badCompany) throw new CrmError('bad_request', `--company "${badCompany}" is not a company id (UUID)`);
  const expiresAt = values.expires ? new Date(String(values.expires)) : null;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new CrmError('bad_request', `--expires "${values.expires}" is not a date`);
  return async (db, io) => {
    const { key, secret } = await createApiKey(db.orm, {
      name: String(values.name), scopes: scopes as ApiScope[], companyIds: companies.length > 0 ? companies : null, expiresAt, createdBy: 'cli',
    });
    await audit(db.orm, { actor: 'cli', action: 'api_key.create', targetType: 'api_key', targetId: key.id, details: { scopes: key.scopes } });
    io.out(`Created API key ${key.id} (${key.scopes.join(', ')}${key.companyIds ? `; companies ${key.companyIds.join(', ')}` : ''}).`);
    io.out('The secret is shown once; store it now:');
    io.out(secret);
  };
}

const list: Work = async (db, io) => {
  const keys = await listApiKeys(db.orm);
  if (keys.length === 0) io.out('No API keys.');
  for (const key of keys) {
    const state = key.revokedAt ? 'revoked' : key.expiresAt && key.expiresAt < new Date() ? 'expired' : 'active';
    const companies = key.companyIds ? ` companies=${key.companyIds.length}` : '';
    io.out(`${key.id}  ${key.prefix}…  ${state.padEnd(7)}  ${key.scopes.join(',')}${companies}  ${key.name}`);
  }
};

function revoke(args: string[]): Work {
  const [id] = args;
  if (!id || !isUuid(id)) throw new CrmError('bad_request', 'Usage: crm keys revoke <key id>; see "crm keys list"');
  return async (db, io) => {
    const key = await revokeApiKey(db.orm, id);
    await audit(db.orm, { actor: 'cli', action: 'api_key.revoke', targetType: 'api_key', targetId: id });
    io.out(`Revoked API key ${key.id} (${key.name}).`);
  };
}
