/**
 * The new part of a reply or forward: what the sender wrote this time, without the quoted
 * history and the signature, so the timeline shows one message once and search does not index
 * the same paragraph in every reply. Danish and English clients first (Outlook desktop and
 * web, Gmail, Apple Mail, iPhone, Thunderbird), German, French and a few others as a bonus.
 *
 * Decisions, in order of importance:
 * - Cutting real content is worse than keeping a quote: every rule wants two signals (a header
 *   block needs From plus Sent/Date/Subject or three header lines; a Danish "skrev" line needs a
 *   date or an address), and a cut that would leave nothing keeps the whole text (a forward
 *   without a note is the forwarded mail, an internal memo may start with "Fra:/Til:/Emne:").
 * - Outlook-style history (a header block, "-----Original Message-----", a forward line) is not
 *   marked with `>`: everything from it on is quoted.
 * - `>` lines: when nothing but blank lines (and a signature) follows the first `>` block, the
 *   new part is what comes before it (top-posting). When the sender wrote between or below `>`
 *   blocks (inline or bottom-posting), the new part is all the lines not quoted, in order; the
 *   `>` lines and the attribution lines ("On … wrote:") above them go to `quoted`.
 * - Signatures: only the unmistakable ones are cut: the RFC 3676 delimiter "-- " and what
 *   follows, and the one-line mobile ones ("Sendt fra min iPhone", "Get Outlook for iOS").
 *   "Med venlig hilsen / Mette Jensen / Salgschef" stays: the CRM user wants the name.
 */
import { elementText, flatText, isTooDeep, parseHtml, type HtmlNode } from './html-text.ts';

/**
 * What {@link newPart} gives.
 *
 * @example
 * const { text, quoted, signature }: NewPart = newPart(m.text);
 */
export interface NewPart {
  /** What the sender wrote, trimmed. */
  text: string;
  /** The quoted history that was cut (header lines included), or null. */
  quoted: string | null;
  /** The signature that was cut, or null. */
  signature: string | null;
}

type HeaderKey = 'from' | 'sent' | 'to' | 'cc' | 'subject';

/** Header names in quoted-history blocks, by language (lower-case, without the colon). */
const HEADER_KEYS: Record<string, HeaderKey> = {
  from: 'from', fra: 'from', von: 'from', de: 'from', 'från': 'from', van: 'from', afsender: 'from', da: 'from', od: 'from',
  sent: 'sent', sendt: 'sent', date: 'sent', dato: 'sent', gesendet: 'sent', datum: 'sent', 'envoyé': 'sent', skickat: 'sent', verzonden: 'sent', enviado: 'sent', inviato: 'sent', 'sendt dato': 'sent',
  to: 'to', til: 'to', an: 'to', 'à': 'to', till: 'to', aan: 'to', para: 'to', modtager: 'to', modtagere: 'to',
  cc: 'cc', kopi: 'cc', 'kopi til': 'cc', bcc: 'cc',
  subject: 'subject', emne: 'subject', betreff: 'subject', objet: 'subject', 'ämne': 'subject', onderwerp: 'subject', asunto: 'subject', oggetto: 'subject',
  'vedr.': 'subject', vedr: 'subject', 'vedrørende': 'subject', 'angående': 'subject', 'ang.': 'subject',
};

// "Fra: …", "*From:* …", "**Fra:** …", "Fra : …" (French spacing); the value may be on the next line.
const HEADER_LINE = /^[ \t]*\*{0,2}[ \t]*([\p{L}][\p{L}.]*(?: [\p{L}][\p{L}.]*)?)[ \t]*\*{0,2}[ \t]*:[ \t]*\*{0,2}/u;

const SEPARATOR = new RegExp(
  String.raw`^[ \t]*-{2,}[ \t]*(?:original message|oprindelig (?:meddelelse|besked|mail|e-?mail)|forwarded message|videresendt (?:meddelelse|besked|mail|e-?mail|melding)|opprinnelig melding|ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|ursprungligt meddelande|vidarebefordrat meddelande|mensaje original|mensaje reenviado|mensagem original|messaggio originale|oorspronkelijk bericht|doorgestuurd bericht)[ \t]*-{2,}[ \t]*$`,
  'i',
);
const FORWARD_INTRO = /^[ \t]*(?:begin forwarded message|start på videresendt (?:besked|meddelelse|e-?mail|mail)|videresendt besked|anfang der weitergeleiteten (?:nachricht|e-mail)|début du message réexpédié|början på vidarebefordrat meddelande|inizio messaggio inoltrato|comienzo del mensaje reenviado)[ \t]*:?[ \t]*$/i;
/** Outlook's rule above a header block (in its plain-text alternative). */
const RULE = /^[ \t]*_{10,}[ \t]*$/;
const QUOTED = /^[ \t]*>/;

// Attribution lines, tested on up to three lines joined (clients wrap them at ~76 characters).
const EMAIL = /[^\s<>()[\]]+@[^\s<>()[\]]+\.[^\s<>()[\]]+/;
const DATE_HINT = /\d{1,2}\.\s*\p{L}{3,}\.?,?\s*\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{4}-\d{2}-\d{2}|\b\d{1,2}[.:]\d{2}\b/u;
const DA_WEEKDAY = /^(?:man|tir|tirs|ons|tor|tors|fre|lør|søn|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\.?,?\s/i;
const ATTRIBUTION_VERB = /(?:\bwrote|\bskrev|\bschrieb|\ba écrit|\bschreef|\bescribió|\bha scritto|\bnapisał)\b/i;
/** Lines that end in the verb (with or without a colon): the header of a `>` block whatever precedes them. */
const ENDS_WITH_VERB = /(?:\bwrote|\bskrev|\bschrieb|\ba écrit|\bschreef|\bescribió|\bha scritto|\bnapisał)[ \t]*:?[ \t]*$/i;

/** An attribution strong enough to cut at even without `>` lines after it. */
function isStrongAttribution(line: string): boolean {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > 400 || !/:$/.test(text) || !ATTRIBUTION_VERB.test(text)) return false;
  // English, German, French, Dutch, Spanish: "On … wrote:", "Am … schrieb …:", "Le … a écrit :".
  if (/^(?:On|Am|Le|Op|El|Il)\s.{3,}/i.test(text) && (DATE_HINT.test(text) || EMAIL.test(text))) return true;
  // Danish (and Norwegian/Swedish): "Den 2. dec. 2026 kl. 10.14 skrev …:", "man. 1. dec. 2026 kl. 09:03 skrev …:", "2. dec. 2026 kl. 10.14 skrev …:".
  if (/\bskrev\b/i.test(text) && (/^Den\s/i.test(text) || DA_WEEKDAY.test(text) || /^\d{1,2}\.\s*\p{L}/u.test(text) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}/.test(text)) && DATE_HINT.test(text)) return true;
  // "Mette Jensen <mette@x.dk> skrev den 02-12-2026 10:14:", "Mette <m@x.dk> wrote:".
  const verb = ATTRIBUTION_VERB.exec(text);
  if (verb && EMAIL.test(text.slice(0, verb.index))) return true;
  // Old Gmail: "2026-12-02 10:14 GMT+01:00 Mette Jensen <mette@x.dk>:".
  return /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}/.test(text) && EMAIL.test(text);
}

function headerKey(line: string): HeaderKey | null {
  const match = HEADER_LINE.exec(line);
  if (!match) return null;
  return HEADER_KEYS[match[1]!.toLowerCase()] ?? null;
}

/**
 * The end (exclusive) of a quoted-history header block starting at `start`, or -1 when there is
 * none: From plus Sent/Date or Subject, or three different header lines; values may wrap.
 */
function headerBlockEnd(lines: readonly string[], start: number): number {
  const keys = new Set<HeaderKey>();
  let i = start;
  let continuation = 0;
  let blanks = 0;
  let end = -1;
  for (; i < lines.length && i < start + 30; i++) {
    const line = lines[i]!;
    if (QUOTED.test(line)) break;
    const key = headerKey(line);
    if (key) {
      if (keys.has(key) && key !== 'cc') break; // a second From: starts another block
      keys.add(key);
      continuation = 0;
      blanks = 0;
      end = i + 1;
      continue;
    }
    if (keys.size === 0) return -1;
    if (!line.trim()) {
      // One blank line may separate header lines (HTML paragraphs); two end the block.
      if (++blanks > 1) break;
      continue;
    }
    if (blanks > 0 || ++continuation > 6) break;
    end = i + 1;
  }
  const strong = keys.has('from') && (keys.has('sent') || keys.has('subject'));
  return strong || keys.size >= 3 ? end : -1;
}

/** Whether a history header block starts within the next few lines after `index` (blank lines skipped). */
function blockFollows(lines: readonly string[], index: number): boolean {
  for (let i = index + 1; i < lines.length && i <= index + 3; i++) {
    if (!lines[i]!.trim()) continue;
    return headerBlockEnd(lines, i) !== -1 || FORWARD_INTRO.test(lines[i]!);
  }
  return false;
}

/** How attributions begin: "On", "Den", "Am", a weekday, a date. */
const OPENER = /^(?:On|Den|Am|Le|Op|El|Il)\s|^\d/i;

/** The attribution starting on line `index`, over up to three lines (clients wrap it): [first, last] line indexes. */
function attributionAt(lines: readonly string[], index: number, strongOnly: boolean): [number, number] | null {
  for (let span = 0; span < 3 && index + span < lines.length; span++) {
    const slice = lines.slice(index, index + span + 1);
    if (slice.some((l) => QUOTED.test(l) || !l.trim())) return null;
    const joined = slice.join(' ');
    const found = isStrongAttribution(joined) || (!strongOnly && ENDS_WITH_VERB.test(joined.trim()) && joined.length < 300);
    if (!found) continue;
    if (span === 0) return [index, index];
    // Joined lines are one wrapped attribution only if the first line was long enough to wrap and
    // begins like one (or is no sentence of its own): "Tak.\nMette <m@x.dk> wrote:" keeps "Tak.".
    const first = lines[index]!.trim();
    const begins = OPENER.test(first) || DA_WEEKDAY.test(first) || (!/[.!?]$/.test(first) && !attributionAt(lines, index + 1, strongOnly));
    return first.length >= 30 && begins ? [index, index + span] : null;
  }
  return null;
}

/** Whether the next line after `index` that is not blank is a `>` line. */
function quoteFollows(lines: readonly string[], index: number): boolean {
  for (let i = index + 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    return QUOTED.test(lines[i]!);
  }
  return false;
}

/**
 * Where the unmarked history starts (Outlook style: separator, forward line, rule or header
 * block, or an attribution not followed by `>` lines), or -1.
 */
function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (QUOTED.test(line) || !line.trim()) continue;
    if (SEPARATOR.test(line) || FORWARD_INTRO.test(line)) return i;
    if (RULE.test(line)) {
      if (blockFollows(lines, i)) return i;
      continue;
    }
    if (headerBlockEnd(lines, i) !== -1) return i;
    const attribution = attributionAt(lines, i, true);
    if (attribution && !quoteFollows(lines, attribution[1])) return i;
  }
  return -1;
}

// One-line signatures mobile clients add, with the store link Outlook puts after them.
const MOBILE_SIGNATURES = [
  /^Sendt fra min \S.{0,60}$/i,
  /^Sendt fra (?:Outlook|Mail|Yahoo|Gmail|Samsung|E-?mail|min|Proton)\b.{0,60}$/i,
  /^Sent from my \S.{0,60}$/i,
  /^Sent from (?:Outlook|Mail for Windows|Yahoo|Gmail|Samsung|AOL|Proton ?Mail|BlackBerry|my mobile)\b.{0,60}$/i,
  /^Sent with Proton ?Mail\b.{0,60}$/i,
  /^Get Outlook for (?:iOS|Android)\b.{0,20}$/i,
  /^(?:Hent|Få) Outlook til (?:iOS|Android)\b.{0,20}$/i,
  /^Hentet fra Outlook\b.{0,40}$/i,
  /^(?:Von meinem \S+ gesendet|Gesendet von meinem \S.{0,40}|Envoyé de mon \S.{0,40}|Skickat från min \S.{0,40}|Lähetetty iPhonesta)$/i,
];

function isMobileSignature(line: string): boolean {
  // The link after "Get Outlook for iOS<https://aka.ms/o0ukef>" and decoration around it are not the signature's words.
  const text = line.replace(/<https?:\/\/[^>]*>|\[[^\]]*\]|\(https?:\/\/[^)]*\)/g, '').replace(/^[\s_*]+|[\s_*.]+$/g, '');
  return text.length > 0 && MOBILE_SIGNATURES.some((re) => re.test(text));
}

/** Where the signature starts in the new part's lines, or -1. */
function signatureStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '-- ') return i;
    // "--" without its space (many clients trim it): only when what follows is signature-sized.
    if (/^--[ \t]*$/.test(line) && lines.slice(i + 1).filter((l) => l.trim()).length <= 10) return i;
  }
  // A mobile signature counts only at the end: nothing but blank lines or links after it.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.trim() || /^\s*<?https?:\/\/\S+>?\s*$/.test(line)) continue;
    return isMobileSignature(line) ? i : -1;
  }
  return -1;
}

function trimLines(lines: readonly string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\s*\n|\s+$/g, '').replace(/^\n+/, '');
}

/** The `>` lines of the text before the history, and the attribution lines heading them. */
function quotedLines(lines: readonly string[]): Set<number> {
  const quoted = new Set<number>();
  for (let i = 0; i < lines.length; i++) if (QUOTED.test(lines[i]!)) quoted.add(i);
  for (let i = 0; i < lines.length; i++) {
    if (quoted.has(i) || !lines[i]!.trim()) continue;
    const attribution = attributionAt(lines, i, false);
    if (attribution && quoteFollows(lines, attribution[1])) {
      for (let j = attribution[0]; j <= attribution[1]; j++) quoted.add(j);
      i = attribution[1];
    }
  }
  return quoted;
}

/**
 * The new part of a plain-text mail body, the quoted history and the signature that were cut.
 * See the module comment for what is recognised and the decisions.
 *
 * @example
 * newPart('Tak, det lyder godt.\n\nMvh Mette\n\nSendt fra min iPhone\n\nDen 2. dec. 2026 kl. 10.14 skrev Jens Hansen <jens@firma.dk>:\n> Hej Mette');
 * // { text: 'Tak, det lyder godt.\n\nMvh Mette', quoted: 'Den 2. dec. 2026 kl. 10.14 skrev …\n> Hej Mette', signature: 'Sendt fra min iPhone' }
 */
export function newPart(text: string): NewPart {
  const all = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const cut = historyStart(all);
  const before = cut === -1 ? all : all.slice(0, cut);
  const history = cut === -1 ? [] : all.slice(cut);

  const quoted = quotedLines(before);
  const kept: string[] = [];
  const cutQuoted: string[] = [];
  let firstQuoted = before.length;
  for (const i of quoted) firstQuoted = Math.min(firstQuoted, i);
  // Inline or bottom-posting: the sender wrote below a `>` block (a signature alone does not count).
  const tail = before.slice(firstQuoted).filter((_, k) => !quoted.has(firstQuoted + k));
  const sigInTail = signatureStart(tail);
  const wroteBelow = (sigInTail === -1 ? tail : tail.slice(0, sigInTail)).some((l) => l.trim());
  before.forEach((line, i) => {
    if (quoted.has(i)) cutQuoted.push(line);
    else if (i < firstQuoted || wroteBelow) kept.push(line);
    else if (line.trim()) kept.push(line); // the signature after a top-posted quote stays for the signature rule
  });

  const sig = signatureStart(kept);
  const body = sig === -1 ? kept : kept.slice(0, sig);
  const signature = sig === -1 ? null : trimLines(kept.slice(sig)) || null;
  const newText = trimLines(body);
  const quotedText = trimLines([...cutQuoted, ...(cutQuoted.length && history.length ? [''] : []), ...history]) || null;

  if (!newText && (quotedText || signature)) {
    // Nothing of one's own: a forward without a note, a memo that starts like a header block.
    // The mail is then the text itself; an empty new part would hide it.
    return { text: trimLines(all), quoted: null, signature: null };
  }
  return { text: newText, quoted: quotedText, signature };
}

/** Elements that start the quoted history: they and everything after them go. */
function startsHistory(el: HtmlNode): boolean {
  const id = el.id ?? '';
  if (/^(?:x_)*(?:divRplyFwdMsg|appendonsend|mail-editor-reference-message-container|OLK_SRC_BODY_SECTION|zwchr)$/.test(id)) return true;
  if (/(?:^|\s)(?:x_)*OutlookMessageHeader(?:\s|$)/.test(el.className ?? '')) return true;
  // Outlook desktop's header block: a div with a thin grey rule on top, then From/Fra/Von.
  const style = el.getAttribute('style') ?? '';
  if (el.tagName.toLowerCase() === 'div' && /border-top\s*:\s*solid\s+#(?:E1E1E1|B5C4DF)/i.test(style)) {
    return headerKey(elementText(el).trimStart()) === 'from';
  }
  return false;
}

/** Elements that are quoted history (or a client's own signature) themselves: they go. */
function isQuote(el: HtmlNode): boolean {
  const name = el.tagName.toLowerCase();
  if (name === 'blockquote' && (el.getAttribute('type') ?? '').toLowerCase() === 'cite') return true;
  if (/(?:^|\s)(?:x_)*(?:gmail_quote|gmail_quote_container|moz-cite-prefix|moz-forward-container|yahoo_quoted|protonmail_quote|zmail_extra)(?:\s|$)/.test(el.className ?? '')) return true;
  return /^(?:x_)*ms-outlook-mobile-signature$/.test(el.id ?? '');
}

function isConnected(el: HtmlNode, root: HtmlNode): boolean {
  for (let node: HtmlNode | null = el; node; node = node.parentNode) if (node === root) return true;
  return false;
}

/** Removes an element and everything after it in document order (up to the root). */
function removeFromHere(el: HtmlNode, root: HtmlNode): void {
  for (let node: HtmlNode | null = el; node && node !== root; node = node.parentNode) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  el.remove();
}

/**
 * The new part of an HTML mail as plain text: the quote containers clients mark
 * (`blockquote[type=cite]`, `.gmail_quote`, Outlook's `#divRplyFwdMsg`, `#appendonsend` and
 * its header-block div with everything after them, Thunderbird's `.moz-cite-prefix`, Yahoo's
 * `.yahoo_quoted`, `#mail-editor-reference-message-container`, Zimbra's `#zwchr`, Zoho's
 * `.zmail_extra`) removed, then the text rules of
 * {@link newPart} for what is left (an attribution line above a removed quote, a signature).
 * Works on sanitised HTML too (sanitize.ts keeps these markers). Null when the HTML has no text.
 *
 * @example
 * newPartOfHtml('<div>Ja tak!</div><div class="gmail_quote"><div class="gmail_attr">Den tir. 2. dec. 2026 kl. 10.14 skrev Jens &lt;jens@firma.dk&gt;:</div><blockquote class="gmail_quote">Tilbud</blockquote></div>');
 * // 'Ja tak!'
 */
export function newPartOfHtml(html: string): string | null {
  if (!html.trim()) return null;
  if (isTooDeep(html)) return newPart(flatText(html)).text || null;
  // The whole document: with an unclosed <head> the body's content ends up in the head.
  const root = parseHtml(html).documentElement;
  const whole = elementText(root);
  if (!whole.trim()) return null;
  const elements = Array.from(root.querySelectorAll('*'));
  for (const el of elements) {
    if (!isConnected(el, root)) continue;
    if (startsHistory(el)) removeFromHere(el, root);
    else if (isQuote(el)) el.remove();
  }
  const rest = newPart(elementText(root)).text;
  // A forward without a note: the forwarded mail is the message (as in newPart).
  return rest.trim() ? rest : newPart(whole).text;
}
