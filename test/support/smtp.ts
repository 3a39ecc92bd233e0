import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * One message as the SMTP server received it.
 *
 * @example
 * const { from, to, raw } = smtp.messages[0]!; // raw.toString() has the headers and body
 */
export interface ReceivedMail {
  /** The envelope sender (MAIL FROM). */
  from: string;
  /** The envelope recipients (RCPT TO), Bcc included. */
  to: string[];
  /** The message exactly as sent after DATA (headers and body, CRLF line ends). */
  raw: Buffer;
}

/**
 * A running test SMTP server (submission with AUTH) and the mail it received.
 *
 * @example
 * await smtp.waitFor(1); // the plugin's send job has delivered
 */
export interface TestSmtpServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Every accepted message, in the order they arrived. */
  readonly messages: ReceivedMail[];
  /** Resolves once `n` messages have arrived in all; rejects after `timeoutMs` (default 5 s). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on a free port of 127.0.0.1 that, like a mail provider's submission
 * port, accepts mail only after AUTH PLAIN or LOGIN with `user`/`password` and keeps every
 * message's raw bytes. Plain TCP: STARTTLS is switched off, so a client must not require TLS
 * (nodemailer: `secure: false`, and no `requireTLS`).
 *
 * @example
 * const smtp = await startSmtpServer();
 * const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, auth: { user: smtp.user, pass: smtp.password } });
 * await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'Hello' });
 * expect(smtp.messages[0]!.raw.toString()).toContain('Subject: Hi');
 * await smtp.close();
 */
export async function startSmtpServer(options: { user?: string; password?: string } = {}): Promise<TestSmtpServer> {
  const user = options.user ?? 'test@example.com';
  const password = options.password ?? 'test-password';
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: false,
    authMethods: ['PLAIN', 'LOGIN'],
    // Without TLS smtp-server refuses AUTH unless told that an unencrypted connection is fine.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    // close() waits this long (default 30 s) for clients to QUIT before it hangs up on them.
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      if ((auth.method === 'PLAIN' || auth.method === 'LOGIN') && auth.username === user && auth.password === password) {
        callback(null, { user });
      } else {
        // 535 is what real servers answer; nodemailer turns it into an EAUTH error.
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // After start-up a client's misbehaviour must not crash the test process.
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    messages,
    waitFor(n, timeoutMs = 5000) {
      if (messages.length >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const wake = () => {
          if (messages.length < n) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`SMTP server: ${messages.length} of ${n} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
