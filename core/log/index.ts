import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

let stdout: ReturnType<typeof pino.destination> | undefined;

/**
 * Standard output as an asynchronous pino destination, one per process. pino's default
 * writes every line with a blocking write(2); under load that was the largest single cost of
 * a request (17–28 % of the server's CPU profile in `npm run bench -- load`). Lines written
 * while a write is in flight are sent together in the next one. What is still buffered when
 * the process exits, normally or by an uncaught error, is written synchronously on 'exit'.
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
