import type { PGlite } from '@electric-sql/pglite';
import { CrmError } from '../../errors/index.ts';
import { unavailable } from '../unavailable.ts';

/** Severities after which PostgreSQL's backend is gone: a server would restart it, PGlite cannot. */
const FATAL_SEVERITIES = new Set(['PANIC', 'FATAL']);

/**
 * Stops all use of a PGlite instance after its backend hit a PANIC, typically "No space left
 * on device" while writing the WAL. Real PostgreSQL restarts its backends then; PGlite's one
 * backend spins instead, and since it runs synchronously in WebAssembly the next statement
 * (even the ROLLBACK of the failed transaction) would freeze the whole process: no HTTP answer,
 * no /healthz, no SIGTERM. So every later entry into the engine fails at once with
 * `unavailable` naming the cause and the fix. Nothing answered before is lost: PostgreSQL
 * replays its WAL at the next start.
 *
 * @returns the error once stopped, else undefined
 * @example
 * const stopped = stopAfterPanic(client, dataDir, (error) => logger.error(error.message));
 * if (stopped()) … // skip client.close(): it would spin too
 */
export function stopAfterPanic(client: PGlite, dataDir: string | undefined, onStop: (error: CrmError) => void = () => {}): () => CrmError | undefined {
  let stopped: CrmError | undefined;
  const engine = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  const enter = engine.execProtocolRawSync!.bind(client);
  engine.execProtocolRawSync = (...args: unknown[]) => {
    if (stopped) throw stopped;
    return enter(...args);
  };
  for (const name of ['execProtocol', 'execProtocolStream'] as const) {
    const original = engine[name]!.bind(client) as (...args: unknown[]) => Promise<unknown>;
    engine[name] = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } catch (error) {
        const severity = (error as { severity?: unknown }).severity;
        if (!stopped && typeof severity === 'string' && FATAL_SEVERITIES.has(severity)) {
          stopped = stoppedError(dataDir, error as Error & { code?: string });
          onStop(stopped);
        }
        throw stopped ?? error;
      }
    };
  }
  return () => stopped;
}

function stoppedError(dataDir: string | undefined, cause: Error & { code?: string }): CrmError {
  const where = dataDir ? ` in ${dataDir}` : '';
  const fix = cause.code === '53100' || /no space left/i.test(cause.message)
    ? 'The disk is full: free space, then restart the CRM.'
    : 'Restart the CRM; if it happens again, run crm check.';
  return unavailable(`The embedded database${where} stopped (${cause.message}). ${fix} Every write it answered is kept.`, cause);
}
