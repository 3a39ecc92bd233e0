/**
 * Bytes to text for mail: charsets by their MIME names, and RFC 2047 encoded words
 * (`=?utf-8?Q?...?=`). Mail names charsets loosely (`latin1`, `ISO8859-1`, `cp1252`,
 * `utf8`) and often wrongly, so every function here answers with text and never throws.
 */

// Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 control characters (as
// Latin-1 does), but Outlook writes €, “ ” – — and friends there. WHATWG, and so every
// browser and mail client, reads ISO-8859-1 and US-ASCII labels as Windows-1252 too.
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};
const CP1252_REVERSE = new Map(Object.entries(CP1252_HIGH).map(([byte, code]) => [code, Number(byte)]));

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Charset names that mean Windows-1252 in practice (WHATWG's list, plus what mail writes). */
const WINDOWS_1252 = /^(?:windows-?1252|cp-?1252|x-cp1252|iso[-_ ]?8859-?1(?::1987)?|iso_8859-1|iso-ir-100|l(?:atin)?-?1|ibm819|cp819|csisolatin1|us-?ascii|ascii|ansi_x3\.4-1968|iso646-us|us)$/i;
/** Charsets never decoded from: UTF-7 can smuggle markup past filters (mailparser refuses it too). */
const REFUSED = /^(?:(?:cs)?unicode-?1-?1-?)?utf-?7(?:-?imap)?$/i;

/**
 * Whether bytes are well-formed UTF-8 (plain ASCII is).
 *
 * @example
 * isUtf8(Buffer.from('blåbær')); // true
 * isUtf8(Buffer.from([0x62, 0xe5])); // false: 'bå' in Latin-1
 */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a charset name means Windows-1252 (ISO-8859-1, Latin-1, US-ASCII and their aliases).
 *
 * @example
 * isWindows1252('ISO-8859-1'); // true
 */
export function isWindows1252(charset: string | null | undefined): boolean {
  return WINDOWS_1252.test((charset ?? '').trim().replace(/^["']|["']$/g, ''));
}

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(CP1252_HIGH[byte] ?? byte);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/**
 * Text from bytes in a MIME charset. An unknown or refused charset reads as UTF-8 when the bytes
 * are UTF-8 and as Windows-1252 otherwise: the two a Danish or English mail is really in.
 *
 * @example
 * decodeCharset(Buffer.from([0x53, 0xf8, 0x72, 0x65, 0x6e]), 'iso-8859-1'); // 'Søren'
 * decodeCharset(Buffer.from([0x80]), 'windows-1252'); // '€'
 */
export function decodeCharset(bytes: Uint8Array, charset: string | null | undefined): string {
  const name = (charset ?? '').trim().replace(/^["']|["']$/g, '').replace(/\*.*$/, '');
  if (name && WINDOWS_1252.test(name)) {
    // ASCII labels on 8-bit bytes are a lie, and Windows-1252 is the best guess at the truth.
    return decodeWindows1252(bytes);
  }
  if (name && !REFUSED.test(name) && !/^utf-?8$/i.test(name)) {
    try {
      return new TextDecoder(name.toLowerCase() === 'ks_c_5601-1987' ? 'euc-kr' : name).decode(bytes);
    } catch {
      // An unknown label: guessed below.
    }
  }
  return isUtf8(bytes) ? lenientUtf8.decode(bytes) : decodeWindows1252(bytes);
}

/**
 * The bytes of text in Windows-1252 (characters it lacks become `?`): for tests and for
 * writing the 8-bit headers old mailers write.
 *
 * @example
 * encodeWindows1252('Søren €'); // <Buffer 53 f8 72 65 6e 20 80>
 */
export function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const mapped = CP1252_REVERSE.get(code);
    if (mapped !== undefined) bytes.push(mapped);
    else if (code <= 0xff && !(code >= 0x80 && code <= 0x9f)) bytes.push(code);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

function hex(c: string): number {
  return Number.parseInt(c, 16);
}

/** The bytes of an encoded word's text (`B` base64, `Q` RFC 2047 quoted-printable). */
function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(hex(text.slice(i + 1, i + 3)));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

// The encoded text may hold spaces: broken encoders write them, and readers accept them.
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?]*)\?=/g;

/**
 * RFC 2047 decoded header text. Adjacent encoded words are joined (the whitespace between them
 * is not text), and their bytes are joined before decoding, so a character split across two
 * words comes out whole. Text that is not encoded is left as it is.
 *
 * @example
 * decodeWords('=?UTF-8?Q?Tilbud_p=C3=A5_tag?='); // 'Tilbud på tag'
 * decodeWords('=?iso-8859-1?B?5vjl?= og =?utf-8?B?w4bDmMOF?='); // 'æøå og ÆØÅ'
 */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  const out: string[] = [];
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  const flush = () => {
    if (pending) out.push(decodeCharset(Buffer.concat(pending.bytes), pending.charset));
    pending = null;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const charset = match[1]!.replace(/\*.*$/, '').toLowerCase();
    const bytes = wordBytes(match[2]!, match[3]!);
    const current = pending as { charset: string; bytes: Buffer[] } | null;
    if (current && /^\s*$/.test(between) && current.charset === charset) {
      current.bytes.push(bytes);
    } else {
      flush();
      // Whitespace between two encoded words is folding, not text (RFC 2047 §6.2).
      if (!(out.length > 0 && last > 0 && /^\s*$/.test(between))) out.push(between);
      pending = { charset, bytes: [bytes] };
    }
    last = match.index + match[0].length;
  }
  flush();
  out.push(value.slice(last));
  return out.join('');
}

/**
 * The bytes of a quoted-printable body (RFC 2045 §6.7): `=XX` escapes decoded, soft line breaks
 * (`=` at a line end) removed. A broken escape is kept as it stands, as readers do.
 *
 * @example
 * decodeQuotedPrintable(Buffer.from('Bl=C3=A5b=C3=A6r=\r\ngr=C3=B8d')).toString(); // 'Blåbærgrød'
 */
export function decodeQuotedPrintable(input: Uint8Array): Buffer {
  const out = Buffer.alloc(input.length);
  let n = 0;
  const isHex = (b: number | undefined) => b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
  for (let i = 0; i < input.length; i++) {
    const b = input[i]!;
    if (b !== 0x3d) {
      out[n++] = b;
      continue;
    }
    if (isHex(input[i + 1]) && isHex(input[i + 2])) {
      out[n++] = Number.parseInt(String.fromCharCode(input[i + 1]!, input[i + 2]!), 16);
      i += 2;
      continue;
    }
    // A soft line break: "=" then optional trailing whitespace, then CRLF or LF.
    let j = i + 1;
    while (input[j] === 0x20 || input[j] === 0x09) j++;
    if (input[j] === 0x0d && input[j + 1] === 0x0a) {
      i = j + 1;
      continue;
    }
    if (input[j] === 0x0a) {
      i = j;
      continue;
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}
