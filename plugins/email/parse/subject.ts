/**
 * Subjects as threading keys: "SV: VS: [EKSTERN] Tilbud på tag" and "Tilbud på  tag" are one
 * conversation. Reply and forward prefixes are stripped in any language, case, number and
 * mixture, with counters (`Re[2]:`, `Re(3):`) and with or without a space before the colon.
 *
 * Bracket tags, decided: tags that a mail gateway stamps on the recipient's copy
 * (`[EXTERNAL]`, `[Ekstern]`, `[SPAM]`, `[Mulig spam]` …) are dropped wherever they stand
 * among the prefixes, because the sender's copy of the same thread does not have them. Any
 * other tag (`[Ticket #123]`, a mailing list's `[crm-dev]`) names the conversation: it is kept,
 * once, in front of the rest, whether it stood before, between or after the prefixes, so
 * `[crm-dev] Re: Tilbud` and `Re: [crm-dev] Tilbud` match. Tags after the first word of the
 * subject are content and never touched.
 */

const REPLY = ['re', 'sv', 'aw', 'antw', 'antwort', 'svar', 'vedr', 'vedr.', 'ang', 'ang.', 'réf', 'réf.', 'rif', 'res', 'odp', 'ynt', '回复', '回覆', '答复', '答覆',
  // Auto-replies answer the mail whose subject follows: stripping their prefix threads them with it.
  'automatisk svar', 'autosvar', 'automatic reply', 'auto reply', 'autoreply', 'auto-reply', 'automatische antwort', 'réponse automatique', 'out of office', 'fraværende'];
const FORWARD = ['fw', 'fwd', 'vs', 'wg', 'tr', 'rv', 'enc', 'vb', 'vl', 'doorst', '转发', '轉寄', '转寄'];

/** Tags gateways add to the recipient's copy; compared lower-case without brackets or stars. */
const GATEWAY_TAG = /^(?:external|ext|extern|ekstern|external (?:e-?mail|sender|message)|ekstern (?:e-?mail|afsender|mail)|extern(?:e)? (?:e-?mail|absender)|externe? mail|spam|possible spam|suspected spam|probable spam|mulig spam|muligvis spam|spam\?|\*+spam\*+|suspicious|phishing|warning|caution|advarsel|bulk|marketing|newsletter|secure|sikker|encrypt|krypteret|ext-sender|externalsender|notice: external|external email:?)$/i;

// One prefix: a word from the lists, an optional counter, optional spaces, a colon (ASCII or full-width).
const PREFIX = new RegExp(String.raw`^(${[...REPLY, ...FORWARD].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:\s*[[(]\d{1,4}[\])]|\^\d{1,4})?\s*[:：]\s*`, 'iu');
const TAG = /^(?:\[([^\]\n]{1,60})\]|\*{2,3}\s*([^*\n]{1,30}?)\s*\*{2,3})\s*/u;

interface Prefixes {
  kinds: ('reply' | 'forward')[];
  tags: string[];
  rest: string;
}

function clean(subject: string | null | undefined): string {
  return (subject ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The leading run of prefixes and tags, taken apart (each prefix needs its colon, so the order of the word lists does not matter). */
function split(subject: string): Prefixes {
  const kinds: Prefixes['kinds'] = [];
  const tags: string[] = [];
  let rest = subject;
  for (let guard = 0; guard < 100; guard++) {
    const prefix = PREFIX.exec(rest);
    if (prefix) {
      const word = prefix[1]!.toLowerCase();
      kinds.push(REPLY.includes(word) ? 'reply' : 'forward');
      rest = rest.slice(prefix[0].length);
      continue;
    }
    const tag = TAG.exec(rest);
    // A tag counts as part of the prefix run only if something follows it.
    if (tag && rest.length > tag[0].length) {
      const name = (tag[1] ?? tag[2] ?? '').trim();
      if (!GATEWAY_TAG.test(name) && !GATEWAY_TAG.test(tag[0].trim())) tags.push(tag[0].trim());
      rest = rest.slice(tag[0].length);
      continue;
    }
    break;
  }
  // Some gateways append their tag instead: "Tilbud [EXTERNAL]".
  const trailing = /\s*\[([^\]\n]{1,60})\]$/u.exec(rest);
  if (trailing && trailing.index > 0 && GATEWAY_TAG.test(trailing[1]!.trim())) rest = rest.slice(0, trailing.index);
  return { kinds, tags, rest };
}

/**
 * A subject as a threading key: prefixes and gateway tags stripped, other leading tags kept once,
 * whitespace collapsed, lower-cased. `''` for an empty subject or one of only prefixes: such
 * subjects must not be used to thread.
 *
 * @example
 * normalizeSubject('SV: VS: [EKSTERN] Tilbud på  Tag'); // 'tilbud på tag'
 * normalizeSubject('Re[2]: [Ticket #123] Vandskade'); // '[ticket #123] vandskade'
 * normalizeSubject('Re: '); // ''
 */
export function normalizeSubject(subject: string | null): string {
  const { tags, rest } = split(clean(subject));
  const seen = new Set<string>();
  const unique = tags.filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const text = rest.trim();
  if (!text && unique.length === 0) return '';
  if (!text) return unique.join(' ').toLowerCase();
  return [...unique, text].join(' ').toLowerCase();
}

/**
 * Whether a subject says reply: its first prefix (after any tags) is a reply prefix.
 *
 * @example
 * isReplySubject('[EXTERNAL] SV: Tilbud'); // true
 * isReplySubject('Fwd: Re: Tilbud'); // false: it is a forward of a reply
 */
export function isReplySubject(subject: string | null): boolean {
  return split(clean(subject)).kinds[0] === 'reply';
}

/**
 * Whether a subject says forward: its first prefix (after any tags) is a forward prefix.
 *
 * @example
 * isForwardSubject('VS: Tilbud'); // true (Danish Outlook's "videresend")
 * isForwardSubject('Re: Fwd: Tilbud'); // false: a reply to a forward
 */
export function isForwardSubject(subject: string | null): boolean {
  return split(clean(subject)).kinds[0] === 'forward';
}
