import { z } from 'zod';
import type { Capability } from '../../plugin-api.d.ts';

/** What the email plugin needs from the core, and nothing more. */
export const CAPABILITIES = ['storage', 'vector', 'jobs', 'routes', 'public-routes', 'events', 'blobs'] as const satisfies readonly Capability[];

/** What happens to mail that is not correspondence with a customer (policy.ts). */
export const KindPolicy = z.enum(['show', 'hide', 'skip']);
export const Policy = z.object({
  newsletters: KindPolicy.default('hide'),
  autoReplies: KindPolicy.default('hide'),
  bulk: KindPolicy.default('hide'),
  internal: KindPolicy.default('hide'),
});
export type Policy = z.infer<typeof Policy>;
export const DEFAULT_POLICY: Policy = { newsletters: 'hide', autoReplies: 'hide', bulk: 'hide', internal: 'hide' };

/** Settings (crm.config.ts or CRM_PLUGIN_EMAIL_<KEY>, e.g. CRM_PLUGIN_EMAIL_SECRET_KEY). */
export const Config = z.object({
  /**
   * Encrypts mailbox passwords and tokens at rest (AES-256-GCM): at least 32 characters, e.g.
   * `openssl rand -base64 32`. Without it, accounts can't be added (mail can still be imported).
   */
  secretKey: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
  /** The shared secret of the inbound webhook (HMAC-SHA256); without it, POST /api/email/inbound answers 503. */
  inboundSecret: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How old a webhook's timestamp may be (and how far ahead), in seconds. */
  inboundToleranceSeconds: z.number().int().min(10).max(3600).default(300),
  /** Policy for mail that came in by webhook or import (accounts have their own). */
  policy: Policy.default(DEFAULT_POLICY),
  /** Largest message taken, in bytes; bigger ones are skipped with the reason. */
  maxMessageBytes: z.number().int().min(64 * 1024).max(200 * 1024 * 1024).default(50 * 1024 * 1024),
  /** Largest mailbox file one import takes. */
  maxImportBytes: z.number().int().min(1024 * 1024).default(20 * 1024 ** 3),
  /** A reply without usable headers joins a thread with the same subject and parties within this many days. */
  subjectWindowDays: z.number().int().min(1).max(365).default(30),
  /** A sync that makes no progress this long, or an account not synced for this long past its interval, is `stalled`. */
  stalledAfterMinutes: z.number().int().min(1).max(1440).default(15),
  /** Watch mailboxes (IDLE) and run the schedule in this process. */
  watch: z.boolean().default(true),
  /** Connection and command timeouts of IMAP and SMTP. */
  timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
  /** Most external parties of one message that become contacts (a mail to 200 people is not 200 leads). */
  maxPartiesPerMessage: z.number().int().min(1).max(100).default(10),
});
export type EmailConfig = z.infer<typeof Config>;
