/**
 * Bytes to text the way a browser would pick the encoding (WHATWG "encoding sniffing"), so a
 * Danish page in Windows-1252 reads "æøå €" and not "Ã¦Ã¸Ã¥" or "�".
 */

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1: 0x80–0x9F come out as C1 control
// characters instead of €, „, “, ”, –, — … (the bytes where the two differ). They are mapped
// here. Should a later Node decode them right, nothing is left to map and this is a no-op.
const CP1252: Record<string, string> = {
  '\u0080': '€', '\u0082': '‚', '\u0083': 'ƒ', '\u0084': '„', '\u0085': '…', '\u0086': '†', '\u0087': '‡',
  '\u0088': 'ˆ', '\u0089': '‰', '\u008a': 'Š', '\u008b': '‹', '\u008c': 'Œ', '\u008e': 'Ž', '\u0091': '‘',
  '\u0092': '’', '\u0093': '“', '\u0094': '”', '\u0095': '•', '\u0096': '–', '\u0097': '—', '\u0098': '˜',
  '\u0099': '™', '\u009a': 'š', '\u009b': '›', '\u009c': 'œ', '\u009e': 'ž', '\u009f': 'Ÿ',
};

/** How far into the page a `<meta charset>` is looked for. Browsers stop at 1024 bytes; CMSes put long comments first. */
const PRESCAN_BYTES = 2048;

/**
 * The canonical WHATWG name of an encoding label (`latin1`, `ISO-8859-1` and `us-ascii` are all
 * `windows-1252`, as in browsers), or null for a label nobody knows.
 */
function encodingOf(label: string | null | undefined): string | null {
  const clean = label?.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (!clean) return null;
  if (clean === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return null;
  }
}

function bomOf(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** The `charset` parameter of a Content-Type header. */
function headerCharset(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(contentType ?? '');
  return match ? encodingOf(match[1]) : null;
}

const META = /<meta\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/**
 * `<meta charset=…>` or `<meta http-equiv=content-type content="…; charset=…">` near the top,
 * read as Latin-1 (every byte one character, so the ASCII markup is found whatever the encoding).
 */
function metaCharset(bytes: Uint8Array): string | null {
  let head = '';
  const end = Math.min(bytes.length, PRESCAN_BYTES);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]!);
  head = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const [, attributes] of head.matchAll(META)) {
    const attrs = new Map<string, string>();
    for (const [, name, value] of attributes!.matchAll(ATTRIBUTE)) {
      const key = name!.toLowerCase();
      if (!attrs.has(key)) attrs.set(key, (value ?? '').replace(/^["']|["']$/g, ''));
    }
    let charset: string | null = null;
    if (attrs.has('charset')) charset = encodingOf(attrs.get('charset'));
    else if (attrs.get('http-equiv')?.toLowerCase() === 'content-type') charset = encodingOf(/charset\s*=\s*["']?([^"';\s]+)/i.exec(attrs.get('content') ?? '')?.[1]);
    // A page that says UTF-16 in ASCII markup can't be UTF-16: the spec reads it as UTF-8.
    if (charset) return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return null;
}

/**
 * Bytes that are not UTF-8 although they were said to be, and hold no UTF-8 letter either: a
 * Latin-1/Windows-1252 file behind a server's default `charset=utf-8`. (A browser would show
 * "�" there; for search, the Windows-1252 reading is the right one. A UTF-8 page with one stray
 * bad byte still has its other æøå as valid sequences, and stays UTF-8.)
 */
function isMislabelledLatin1(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return !/[^\u0000-\u007f\ufffd]/.test(new TextDecoder('utf-8').decode(bytes));
  }
}

function decode(bytes: Uint8Array, charset: string): string {
  if (charset === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252[c] ?? c);
  return new TextDecoder(charset, { ignoreBOM: true }).decode(bytes);
}

/**
 * Decodes a fetched HTML page. The encoding comes from, in order: a byte-order mark, the HTTP
 * `Content-Type` charset, a `<meta charset>` / `<meta http-equiv=content-type>` in the first
 * 2 KB, and else whether the bytes are valid UTF-8 (else Windows-1252, what old Danish sites
 * are written in). `charset` is the encoding's WHATWG name (`utf-8`, `windows-1252`, …);
 * ISO-8859-1 is read as Windows-1252, as browsers do.
 *
 * @example
 * decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0xe6, 0xf8, 0xe5, 0x20, 0x80]), 'text/html; charset=iso-8859-1');
 * // { html: '<p>æøå €', charset: 'windows-1252' }
 */
export function decodeHtml(bytes: Uint8Array, contentTypeHeader: string | null): { html: string; charset: string } {
  const bom = bomOf(bytes);
  if (bom) return { html: decode(bytes.subarray(bom.length), bom.charset), charset: bom.charset };
  let charset = headerCharset(contentTypeHeader) ?? metaCharset(bytes);
  if (charset === 'utf-8' && isMislabelledLatin1(bytes)) charset = 'windows-1252';
  if (!charset) {
    try {
      return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
    } catch {
      charset = 'windows-1252';
    }
  }
  return { html: decode(bytes, charset), charset };
}
