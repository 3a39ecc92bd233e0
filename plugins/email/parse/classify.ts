/**
 * What kind of mail a message is, from its headers first and its subject and sender second:
 * a person's mail (`normal`), a newsletter, an automatic reply (out-of-office, bounce, read
 * receipt) or other bulk mail. The CRM shows normal mail in the timeline and keeps the rest
 * out of the way (and never auto-answers or scores on it). Headers are tried from the most to
 * the least specific, so each message gets the reason that explains it best.
 */
import type { ParsedMessage } from './mime.ts';

/**
 * What a message is: a person's mail, a newsletter, an automatic reply (out-of-office, bounce,
 * read receipt) or other bulk mail (notifications, no-reply senders).
 *
 * @example
 * const kind: MessageKind = 'auto_reply';
 */
export type MessageKind = 'normal' | 'newsletter' | 'auto_reply' | 'bulk';

/**
 * Stable codes for why a message got its kind (stored and shown; do not rename).
 *
 * @example
 * const reason: ClassificationReason = 'out_of_office';
 */
export type ClassificationReason =
  | 'bounce'
  | 'read_receipt'
  | 'auto_submitted'
  | 'auto_reply_header'
  | 'out_of_office'
  | 'precedence_auto_reply'
  | 'precedence_bulk'
  | 'list_id'
  | 'list_unsubscribe'
  | 'auto_response_suppress'
  | 'noreply_sender'
  | 'null_sender';

/**
 * The kind of a message and the reason for it.
 *
 * @example
 * const c: Classification = { kind: 'newsletter', reason: 'list_unsubscribe' };
 */
export interface Classification {
  kind: MessageKind;
  /** Null for normal mail. */
  reason: ClassificationReason | null;
}

/** Out-of-office subjects as Outlook, Exchange, Gmail and others write them, after any tags. */
const OUT_OF_OFFICE_START = /^(?:automatisk svar|autosvar|auto(?:matic)?[- ]?(?:reply|response|svar)|out of (?:the )?office|fraværende|fravær(?:s)?(?:besked|meddelelse)|ferie ?svar|abwesenheitsnotiz|abwesend|automatische antwort|réponse automatique|absence du bureau|risposta automatica|respuesta automática|automatiskt svar|fraværsmelding)\b/i;
const OUT_OF_OFFICE_ANYWHERE = /\b(?:abwesenheitsnotiz|out of office auto-?reply|fraværsbesked|fraværsmeddelelse|autosvar)\b/i;
const BOUNCE_SUBJECT = /^(?:undeliverable|undelivered mail|delivery status notification|mail delivery (?:failed|failure|subsystem)|returned mail|failure notice|delivery (?:has )?failed|message not delivered|kunne ikke leveres|ikke leveret|levering mislykkedes|meddelelsen kunne ikke leveres|unzustellbar|nicht zustellbar|non remis|non distribuable)/i;
/** Sender addresses nobody reads: no-reply variants (Danish too), and the mail system's own. */
const NOREPLY = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|no[-_.]?response|mailer[-_.]?daemon|postmaster|ikke[-_.]?svar|ikkesvar|svar[-_.]?ikke|besvar[-_.]?ikke|ingen[-_.]?svar)(?:[-+._\d].*)?$/i;
const MAILER = /^(?:mailer[-_.]?daemon|postmaster)(?:[-+._].*)?$/i;

/** The subject without leading `[tags]` (`[EXTERNAL] Automatisk svar: …`). */
function bareSubject(subject: string | null): string {
  return (subject ?? '').replace(/^(?:\s*\[[^\]]{1,60}\])+\s*/, '').trim();
}

function reportType(contentType: string | null): string | null {
  if (!contentType || !/^\s*multipart\/report\b/i.test(contentType)) return null;
  return /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'unknown';
}

/** The first token of a header value, lower-cased ("auto-replied; owner=…" → "auto-replied"). */
function token(value: string | null): string | null {
  const first = value?.split(/[;,\s]/).find(Boolean);
  return first ? first.toLowerCase() : null;
}

/**
 * The kind of a parsed message and why (a short stable code, null for normal mail).
 *
 * @example
 * classifyMessage(await parseMessage(outOfOffice)); // { kind: 'auto_reply', reason: 'auto_submitted' }
 * classifyMessage(await parseMessage(customerMail)); // { kind: 'normal', reason: null }
 */
export function classifyMessage(m: ParsedMessage): Classification {
  const h = m.headers;
  const subject = bareSubject(m.subject);
  const local = m.from ? m.from.address.slice(0, m.from.address.lastIndexOf('@')) : '';

  const report = reportType(h.contentType);
  if (report === 'delivery-status') return { kind: 'auto_reply', reason: 'bounce' };
  if (report === 'disposition-notification') return { kind: 'auto_reply', reason: 'read_receipt' };
  // Older mail systems bounce in plain text: known from the sender or the null envelope sender and the subject.
  if ((MAILER.test(local) || h.returnPath === '') && BOUNCE_SUBJECT.test(subject)) return { kind: 'auto_reply', reason: 'bounce' };

  const autoSubmitted = token(h.autoSubmitted);
  if (autoSubmitted && autoSubmitted !== 'no') return { kind: 'auto_reply', reason: 'auto_submitted' };
  for (const value of [h.xAutoreply, h.xAutorespond]) {
    const t = token(value);
    if (value !== null && t !== 'no' && t !== 'false' && t !== '0') return { kind: 'auto_reply', reason: 'auto_reply_header' };
  }
  if (OUT_OF_OFFICE_START.test(subject) || OUT_OF_OFFICE_ANYWHERE.test(subject)) return { kind: 'auto_reply', reason: 'out_of_office' };

  const precedence = token(h.precedence);
  if (precedence === 'auto_reply' || precedence === 'auto-reply') return { kind: 'auto_reply', reason: 'precedence_auto_reply' };
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk') return { kind: 'bulk', reason: 'precedence_bulk' };
  if (h.listId) return { kind: 'newsletter', reason: 'list_id' };
  if (h.listUnsubscribe) return { kind: 'newsletter', reason: 'list_unsubscribe' };

  // After the list headers: some newsletter tools set this too, and a newsletter is the better answer then.
  const suppress = (h.xAutoResponseSuppress ?? '').split(/[\s,;]+/).map((s) => s.toLowerCase());
  if (suppress.includes('all') || suppress.includes('oof')) return { kind: 'auto_reply', reason: 'auto_response_suppress' };

  if (NOREPLY.test(local)) return { kind: 'bulk', reason: 'noreply_sender' };
  // RFC 3834 and RFC 5321: only notifications are sent from the null sender `<>`.
  if (h.returnPath === '') return { kind: 'auto_reply', reason: 'null_sender' };
  return { kind: 'normal', reason: null };
}
