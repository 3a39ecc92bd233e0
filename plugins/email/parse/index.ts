/**
 * Mail parsing and the rules that read parsed mail: pure functions without I/O, for the email
 * plugin's sync, store and routes.
 *
 * - {@link parseMessage}: raw RFC 5322 / MIME bytes to a {@link ParsedMessage}
 * - {@link sanitizeHtml}: mail HTML made safe to show, remote images held back
 * - {@link newPart} / {@link newPartOfHtml}: what a reply says, without history and signature
 * - {@link normalizeSubject}, {@link isReplySubject}, {@link isForwardSubject}: subjects for threading
 * - {@link classifyMessage}: normal, newsletter, auto-reply or bulk, and why
 *
 * @example
 * import { parseMessage, classifyMessage, newPart, normalizeSubject } from './parse/index.ts';
 * const m = await parseMessage(raw);
 * const { kind } = classifyMessage(m);
 * const { text } = newPart(m.text);
 * const key = normalizeSubject(m.subject);
 */
export { parseMessage, MailParseError, type ParsedMessage, type MessageHeaders, type MessageAttachment, type ParseWarning, type Address } from './mime.ts';
export { sanitizeHtml, type SanitizedHtml } from './sanitize.ts';
export { newPart, newPartOfHtml, type NewPart } from './quotes.ts';
export { normalizeSubject, isReplySubject, isForwardSubject } from './subject.ts';
export { classifyMessage, type Classification, type ClassificationReason, type MessageKind } from './classify.ts';
export { normalizeMessageId, messageIds } from './message-id.ts';
export { normalizeAddress, parseAddresses } from './address.ts';
export { parseMailDate } from './date.ts';
export { htmlToText } from './html-text.ts';
