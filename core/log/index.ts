import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

let stdout: ReturnType<typeof pino.destination> | undefined;

/**
 * Standard output as an asynchronous pino destination, one per process. pino's default
 * writes every line with a blocking write(2), which holds the event loop for each request's
 * log line (and for as long as a slow consumer of the pipe makes it). Lines written while a
 * write is in flight are sent together in the next one. In A/B runs of `npm run bench -- load`
 * (GET /api/companies/{id}, Postgres) the server used 2.8–3.6 ms CPU per request with this
 * against 3.5–4.5 ms with synchronous writes (2.5–3.3 ms with no request logs at all). What is
 * still buffered when the process exits, normally or by an uncaught error, is written
 * synchronously on 'exit'.
 */
function standardOutput(): DestinationStream {
  if (!stdout) {
    const destination = pino.destination({ dest: 1, sync: false });
    process.once('exit', () => destination.flushSync());
    stdout = destination;
  }
  return stdout;
}

/**
 * An error as a log line shows it: pino's standard fields, but a database error's parameters
 * stay out (drizzle's "Failed query: … params: …" message carries the values a request wrote,
 * which may be customer data or tokens), as does anything under `params`.
 */
function errorOf(error: unknown): unknown {
  // A plugin may log `{ err: 'some text' }`: a log call must never be what takes the process down.
  if (typeof error !== 'object' || error === null) return typeof error === 'string' ? error.replace(/\nparams: [\s\S]*$/g, '\nparams: [redacted]') : error;
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const strip = (text: unknown) => (typeof text === 'string' ? text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/g, '\nparams: [redacted]') : text);
  out.message = strip(out.message);
  out.stack = strip(out.stack);
  delete out.params;
  if (out.cause && typeof out.cause === 'object') out.cause = errorOf(out.cause);
  return out;
}

/**
 * Structured JSON logs. Credentials are redacted wherever they appear, database parameters
 * never appear, and request and message bodies are never logged in the first place. Without a
 * `destination`, logs go to standard output, asynchronously (see standardOutput).
 *
 * @example
 * const log = createLogger('info');
 * log.info({ port: 8787 }, 'listening');
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'crm' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: errorOf, error: errorOf },
      redact: {
        paths: ['authorization', 'headers.authorization', '*.authorization', 'secret', '*.secret', 'token', '*.token', 'password', '*.password'],
        censor: '[redacted]',
      },
    },
    destination ?? standardOutput(),
  );
}

/**
 * Sends whatever libraries print with `console.*` through the logger instead (one JSON line,
 * redacted), so nothing but the logger writes to the server's stdout and stderr. Returns a
 * function that puts the console back.
 *
 * @example
 * const restore = consoleToLogger(logger);
 * console.error(new Error('from a library')); // {"level":50,"msg":"console.error: …"}
 * restore();
 */
export function consoleToLogger(logger: Logger): () => void {
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = methods.map((m) => [m, console[m]] as const);
  const level = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'trace' } as const;
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const text = args.filter((a) => a !== error).map((a) => (typeof a === 'string' ? a : format('%o', a))).join(' ');
      logger[level[method]]({ ...(error ? { err: error } : {}), source: 'console' }, `console.${method}${text ? `: ${text}` : ''}`);
    };
  }
  return () => {
    for (const [method, original] of saved) console[method] = original;
  };
}
