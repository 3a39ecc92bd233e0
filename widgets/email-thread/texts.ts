/** Every text of `<crm-email-thread>` in Danish and English, and the labels of parties, directions, sizes and attachments. */
import { formatDate, formatDateTime, formatNumber, type Lang } from '../kit/format.ts';
import type { Direction, EmailAttachment, EmailKind, Party } from './api.ts';

export const TEXTS = {
  da: {
    title: 'E-mailtråd', noSubject: '(intet emne)', participants: 'Deltagere', messages: 'Beskeder', from: 'Fra', to: 'Til', cc: 'Cc',
    showQuoted: 'Vis citeret tekst', hideQuoted: 'Skjul citeret tekst', showHtml: 'Vis med formatering', showText: 'Vis som tekst',
    showImages: 'Vis billeder', imagesBlocked: 'Billeder fra internettet er ikke hentet, så afsenderen ikke kan se, at du har læst beskeden.',
    imagesShown: 'Billederne er hentet.',
    bySubject: 'Sat i tråden efter emnet', bySubjectHint: 'Beskeden henviste ikke til tråden, men havde samme emne og deltagere.',
    attachments: 'Vedhæftede filer', download: 'Hent', raw: 'Hent original (.eml)', noText: '(ingen ny tekst)',
    reply: 'Svar', replyLabel: 'Dit svar', replyAll: 'Svar alle', replyAllHint: 'Også til de andre på den seneste besked', send: 'Send svar', sending: 'Sender…',
    sent: 'Svaret er sendt.', notSent: 'Svaret blev ikke sendt: ',
    cannotSend: 'Ingen e-mailkonto kan sende svar. Tilføj en SMTP-server til en konto under Indstillinger.',
    replyTo: (to: string, account: string) => `Til ${to}, sendes fra ${account}`, empty: 'Tråden har ingen beskeder.',
    handled: 'Kræver ikke svar', handledDone: 'Tråden venter ikke længere på svar.',
    disabled: 'E-mail er ikke slået til i dette CRM.', awaiting: 'Venter på svar', frame: (subject: string) => `Indholdet af e-mailen: ${subject}`,
    message: (from: string, when: string) => `Besked fra ${from}, ${when}`,
  },
  en: {
    title: 'Email thread', noSubject: '(no subject)', participants: 'Participants', messages: 'Messages', from: 'From', to: 'To', cc: 'Cc',
    showQuoted: 'Show quoted text', hideQuoted: 'Hide quoted text', showHtml: 'Show formatted', showText: 'Show as text',
    showImages: 'Show images', imagesBlocked: 'Images from the internet are not loaded, so the sender cannot see that you read the message.',
    imagesShown: 'The images are loaded.',
    bySubject: 'Threaded by subject', bySubjectHint: 'The message did not refer to the thread, but had the same subject and participants.',
    attachments: 'Attachments', download: 'Download', raw: 'Download original (.eml)', noText: '(no new text)',
    reply: 'Reply', replyLabel: 'Your reply', replyAll: 'Reply all', replyAllHint: 'Also to the others on the latest message', send: 'Send reply', sending: 'Sending…',
    sent: 'The reply was sent.', notSent: 'The reply was not sent: ',
    cannotSend: 'No email account can send replies. Add an SMTP server to an account under Settings.',
    replyTo: (to: string, account: string) => `To ${to}, sent from ${account}`, empty: 'The thread has no messages.',
    handled: 'Needs no answer', handledDone: 'The thread no longer waits for an answer.',
    disabled: 'Email is not enabled in this CRM.', awaiting: 'Waiting for an answer', frame: (subject: string) => `The email's content: ${subject}`,
    message: (from: string, when: string) => `Message from ${from}, ${when}`,
  },
} satisfies Record<Lang, unknown>;

const DIRECTION: Record<Lang, Record<Direction, string>> = {
  da: { in: 'Fra kunden', out: 'Sendt af os', internal: 'Intern' },
  en: { in: 'From the customer', out: 'Sent by us', internal: 'Internal' },
};

const KIND: Record<Lang, Record<EmailKind, string>> = {
  da: { normal: 'E-mail', internal: 'Intern', newsletter: 'Nyhedsbrev', auto_reply: 'Autosvar', bulk: 'Masseudsendelse' },
  en: { normal: 'Email', internal: 'Internal', newsletter: 'Newsletter', auto_reply: 'Auto-reply', bulk: 'Bulk mail' },
};

const OUTCOME: Record<Lang, Record<EmailAttachment['outcome'], string>> = {
  da: { created: 'Gemt som dokument', duplicate: 'Fandtes allerede som dokument', refused: 'Ikke gemt', not_stored: 'Ikke gemt som dokument' },
  en: { created: 'Saved as a document', duplicate: 'Already a document', refused: 'Not saved', not_stored: 'Not saved as a document' },
};

let clock: Intl.DateTimeFormat | undefined;

/**
 * When a message was sent: `2. dec. 2026 kl. 10.14` / `2 Dec 2026, 10:14` (in the reader's time
 * zone). Danish with "kl." as Danish mail clients write it (Intl alone gives `2. dec. 2026, 10.14`).
 */
export function dateTimeLabel(value: string, lang: Lang): string {
  if (lang === 'en') return formatDateTime(value, lang);
  clock ??= new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit' });
  return `${formatDate(value, 'da')} kl. ${clock.format(new Date(value))}`;
}

/** `Fra kunden` / `Sent by us` / `Intern`. */
export function directionLabel(direction: Direction, lang: Lang): string {
  return DIRECTION[lang][direction];
}

/** `Nyhedsbrev` / `Auto-reply`. */
export function kindLabel(kind: EmailKind, lang: Lang): string {
  return KIND[lang][kind];
}

/** A person as a reader names them: the name, else the address. */
export function partyName(party: Party | null | undefined, lang: Lang): string {
  if (!party) return lang === 'da' ? 'ukendt afsender' : 'unknown sender';
  return party.name?.trim() || party.address;
}

/** `Mette Jensen <mette@jensens-vvs.dk>`, or the bare address. */
export function partyLabel(party: Party): string {
  const name = party.name?.trim();
  return name && name !== party.address ? `${name} <${party.address}>` : party.address;
}

/** `Mette Jensen, Lars <lars@…>`: a list of parties, names first. */
export function partiesLabel(parties: Party[]): string {
  return parties.map(partyLabel).join(', ');
}

/** `3 beskeder` / `1 message`. */
export function messageCount(n: number, lang: Lang): string {
  if (lang === 'da') return n === 1 ? '1 besked' : `${n} beskeder`;
  return n === 1 ? '1 message' : `${n} messages`;
}

/** `1,2 MB` / `1.2 MB`, `830 kB`, `12 B` (1 kB = 1000 B, as file managers show it). */
export function sizeLabel(bytes: number, lang: Lang): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, lang, bytes < 10_000 ? 1 : 0)} kB`;
  if (bytes < 1_000_000_000) return `${formatNumber(bytes / 1_000_000, lang, 1)} MB`;
  return `${formatNumber(bytes / 1_000_000_000, lang, 1)} GB`;
}

/**
 * What a reader is told about an attachment besides its name and size: nothing for one that
 * can be downloaded; for one that was not stored, why (the server's reason when it gave one).
 */
export function attachmentNote(attachment: Pick<EmailAttachment, 'outcome' | 'reason' | 'document_id'>, lang: Lang): string {
  if (attachment.document_id && (attachment.outcome === 'created' || attachment.outcome === 'duplicate')) return '';
  const base = OUTCOME[lang][attachment.outcome];
  return attachment.reason ? `${base}: ${attachment.reason}` : base;
}

/** The sentence under the reply box when sending failed: the server's own detail where it gave one. */
export function replyProblem(detail: string | undefined, fallback: string, lang: Lang): string {
  return TEXTS[lang].notSent + (detail?.trim() || fallback);
}
