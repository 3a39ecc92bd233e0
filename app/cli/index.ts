import { type ParseArgsConfig, parseArgs } from 'node:util';
import { loadConfig } from '../../core/config/index.ts';
import { CrmError } from '../../core/errors/index.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { checkCommand } from './check.ts';
import { crawlCommand } from './crawl.ts';
import { demoCommand } from './demo.ts';
import { ingestCommand } from './ingest.ts';
import { importMailCommand } from './import-mail.ts';
import { keysCommand } from './keys.ts';
import { usersCommand } from './users.ts';
import { migrateCommand } from './migrate.ts';
import { reembedCommand } from './reembed.ts';
import { startCommand } from './start.ts';
import { workerCommand } from './worker.ts';

const HELP = `Usage: crm <command> [options]

Commands:
  start                      Run the server (PORT, DATA_DIR, DATABASE_URL, … from the environment)
  migrate                    Apply pending database migrations and exit
  worker [--concurrency <n>] Run background jobs without HTTP (more workers on a shared Postgres)
  reembed                    Re-embed every passage with the configured embedding provider
  check [--repair]           Read every table and index and check the data; exit 1 and say how to recover
                             when damaged (--repair rebuilds damaged indexes)
  backup [--out <file>] [--url <server>]
                             Copy the embedded database to one file, also while the server runs
                             (then through its API, with CRM_API_KEY or DATA_DIR/admin.key)
  restore <file>             Replace the embedded database with a backup; the server must be stopped,
                             the replaced database is kept beside it
  ingest <file|folder>… --company <id|domain|cvr> [--visibility internal|public] [--category <c>]
         [--url <server>] [--key <api key>] [--no-wait] [--timeout <s>] [--lang da|en]
                             Upload files (a folder recursively, dotfiles skipped) to the running server's
                             documents, 3 at a time, and wait until they are read (--timeout, default 600);
                             prints indexed (by category), duplicates, needs OCR and failed with reasons.
                             Key: --key, CRM_API_KEY or DATA_DIR/admin.key. Exit 0 when nothing failed,
                             1 when a file was refused or failed (or not read in time), 2 for usage errors
  import-mail <file|folder>… [--url <server>] [--key <api key>] [--no-wait] [--lang da|en]
                             Send .mbox and .eml files (a folder recursively, e.g. Thunderbird's Mail
                             folder) to the running server's email plugin, streamed, with progress;
                             prints stored, already there, skipped (by reason) and failed. Key: --key,
                             CRM_API_KEY or DATA_DIR/admin.key (admin). Exit 1 when a file or message failed
  crawl <url> [--company <id|domain>] [--max-pages <n>] [--max-depth <n>] [--render] [--include <path>]…
        [--exclude <path>]… [--url <server>] [--key <api key>] [--no-wait] [--lang da|en]
                             Crawl a website with the running server's website plugin (robots.txt, sitemaps;
                             the own company's site by default, else --company's), with progress; prints new,
                             changed, removed, unchanged, skipped (by reason) and failed pages. Ctrl-C stops
                             following only, the crawl goes on. --no-wait prints the crawl id. Exit 1 when the
                             crawl or pages failed, 2 for usage errors
  demo [--remove]            Add the demo workspace (a sample business, its customers and chats),
                             or remove exactly that again; the server must be stopped on PGlite
  keys create --name <name> --scope <scope> [--scope …] [--company <id> …] [--expires <ISO date>]
                             Create an API key; scopes: admin, crm:read, crm:write
  keys list                  List API keys (never their secrets)
  keys revoke <id>           Revoke an API key at once
  users add --email <address> --name <name> [--role staff|viewer|admin] [--company <id> …] [--password-stdin]
                             Add a staff member who signs in to the intranet (/app/)
  users list                 List the staff
  users link <email>         Print a one-time sign-in link for a staff member (valid 24 hours)
  help                       Show this text

See README.md for configuration.`;

/**
 * Runs the CLI and returns the exit code. Every failure is one line on stderr.
 *
 * @example
 * process.exitCode = await main(['keys', 'list']);
 */
export async function main(argv: string[], io = { out: writeLine(process.stdout), err: writeLine(process.stderr) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(HELP);
      return 0;
    }
    if (command === 'start') return await startCommand(loadConfig(), io);
    if (command === 'migrate') return await migrateCommand(loadConfig(), io);
    if (command === 'worker') return await workerCommand(loadConfig(), io, rest);
    if (command === 'check') return await checkCommand(loadConfig(), io, rest);
    if (command === 'backup') return await backupCommand(loadConfig(), io, rest);
    if (command === 'restore') return await restoreCommand(loadConfig(), io, rest);
    if (command === 'reembed') return await reembedCommand(loadConfig(), io);
    if (command === 'demo') return await demoCommand(loadConfig(), rest, io);
    if (command === 'ingest') return await ingestCommand(loadConfig(), io, rest);
    if (command === 'import-mail') return await importMailCommand(loadConfig(), io, rest);
    if (command === 'crawl') return await crawlCommand(loadConfig(), io, rest);
    if (command === 'keys') return await keysCommand(loadConfig(), rest, io);
    if (command === 'users') return await usersCommand(loadConfig(), rest, io);
    throw new CrmError('bad_request', `Unknown command "${command}"; run "crm help"`);
  } catch (error) {
    io.err(`crm: ${oneLine(error)}`);
    return 1;
  }
}

/** The CLI's human lines go straight to the stream: `console` belongs to the logger while the server runs. */
function writeLine(stream: NodeJS.WriteStream): (line: string) => void {
  return (line) => void stream.write(`${line}\n`);
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}

/** parseArgs with our conventions: unknown options are errors, and say so in one line. */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CrmError('bad_request', (error as Error).message);
  }
}
