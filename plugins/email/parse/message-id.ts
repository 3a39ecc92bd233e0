/**
 * Message-IDs as threading keys. Every copy of a thread must give the same key for the same
 * id, whichever header or client it came from, so they are normalised in one place: no angle
 * brackets, no whitespace, the domain part lower-cased (domains are case-insensitive and some
 * servers rewrite their case), the local part as it was (it is case-sensitive).
 */

/** An id is `local@domain` of visible characters; longer than a header line may be is garbage. */
const ID = /^[^\s<>@]+@[^\s<>@]+$/;
const MAX_ID_LENGTH = 500;

/**
 * One Message-ID normalised, or null when it is not one (empty, no `@`, spaces, garbage).
 *
 * @example
 * normalizeMessageId(' <CAF=x+Y@Mail.Gmail.COM> '); // 'CAF=x+Y@mail.gmail.com'
 * normalizeMessageId('not an id'); // null
 */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  let id = value.trim();
  // Some writers drop the brackets, some double them, some leave a trailing comma or dot.
  id = id.replace(/^<+/, '').replace(/[>,;.]+$/, '').replace(/>+$/, '').trim();
  if (id.startsWith('mailto:')) id = id.slice(7);
  if (!id || id.length > MAX_ID_LENGTH || !ID.test(id)) return null;
  // Control characters never belong in an id.
  if (/[\u0000-\u001f\u007f]/.test(id)) return null;
  const at = id.lastIndexOf('@');
  return `${id.slice(0, at)}${id.slice(at).toLowerCase()}`;
}

/**
 * Every Message-ID in a `References` or `In-Reply-To` value, normalised, in order, each once.
 * Bracketed ids are taken wherever they stand (so comments, phrases and comma separators
 * around them don't matter); a value without brackets is read as whitespace-separated ids.
 *
 * @example
 * messageIds('<a@X.dk> <b@y.dk>,<a@x.dk>'); // ['a@x.dk', 'b@y.dk']
 * messageIds('Your message of "Tue, 2 Dec" <c@z.dk>'); // ['c@z.dk']
 */
export function messageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!);
  const candidates = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const candidate of candidates) {
    const id = normalizeMessageId(candidate);
    if (id && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return ids;
}
