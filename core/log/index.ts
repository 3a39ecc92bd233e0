import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Credentials are redacted wherever they appear; request and
 * message bodies are never logged in the first place.
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
    destination,
  );
}
