/** The encodings {@link decodeText} tells apart: the ones Danish text files actually come in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Node's TextDecoder('windows-1252') decodes as Latin-1 (0x80–0x9F become C1 control
// characters), so the bytes where Windows-1252 differs are mapped here: €, „, “, ”, –, — and
// the rest that Word and Excel write into Danish files.
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

/**
 * The Windows-1252 code point of a character, for writing such files (tests, exports); null when
 * the character has none.
 *
 * @example
 * windows1252Byte('€'); // 0x80
 */
export function windows1252Byte(char: string): number | null {
  const code = char.codePointAt(0) ?? -1;
  for (const [byte, mapped] of Object.entries(CP1252_HIGH)) if (mapped === code) return Number(byte);
  if (code >= 0 && code <= 0xff && !(code >= 0x80 && code <= 0x9f)) return code;
  return null;
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
 * UTF-16 without a byte-order mark shows as NULs in every other byte (ASCII and Latin letters
 * have a zero high byte). Looks at the start only: enough to decide, cheap on large files.
 */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Normalises what every text format needs the same: one kind of line ending, no NULs, and
 * composed letters (a Mac writes "å" as "a" + ring, which would not match a search for "å").
 *
 * @example
 * normaliseText('a\r\nb\u0000'); // 'a\nb'
 */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').normalize('NFC');
}

/**
 * Decodes a text file whose encoding nobody told us: a byte-order mark decides; else UTF-16 is
 * recognised by its NULs; else the bytes are UTF-8 if they are valid UTF-8 (text in another
 * 8-bit encoding with æøå practically never is) and Windows-1252 otherwise, which is what older
 * Danish Excel and Notepad write.
 *
 * @example
 * decodeText(new Uint8Array([0x62, 0xf8, 0x66])); // { text: 'bøf', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let encoding: TextEncodingName;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // The mark is a promise of UTF-8: a stray bad byte becomes U+FFFD rather than a guess.
    return { text: normaliseText(new TextDecoder('utf-8').decode(bytes.subarray(3))), encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = utf16ByNuls(bytes) ?? 'utf-8';
  }
  if (encoding !== 'utf-8') return { text: normaliseText(new TextDecoder(encoding, { ignoreBOM: true }).decode(body)), encoding };
  try {
    return { text: normaliseText(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)), encoding: 'utf-8' };
  } catch {
    return { text: normaliseText(decodeWindows1252(body)), encoding: 'windows-1252' };
  }
}
