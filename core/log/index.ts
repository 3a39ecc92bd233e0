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
 * Structured JSON logs. Credentials are redacted wherever they appear; request and
 * message bodies are never logged in the first place. Without a `destination`, logs go to
 * standard output, asynchronously (see standardOutput).
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
      redact: {
        paths: ['authorization', 'headers.authorization', '*.authorization', 'secret', '*.secret', 'token', '*.token', 'password', '*.password'],
        censor: '[redacted]',
      },
    },
    destination ?? standardOutput(),
  );
}
