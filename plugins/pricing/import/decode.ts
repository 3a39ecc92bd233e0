/**
 * A text file's bytes as text: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
 * "Unicode text"), and otherwise Windows-1252 (what Excel on a Danish Windows saves a CSV in),
 * decided by whether the bytes are valid UTF-8.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Where Windows-1252 differs from Latin-1 (0x80–0x9F): €, „, “, ”, –, — and the rest. */
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160,
  0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
  0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(CP1252_HIGH[byte] ?? byte);
    if (chunk.length === 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/**
 * The bytes of a Windows-1252 file for `text` (tests write Danish files with it); throws on a
 * character Windows-1252 doesn't have.
 *
 * @example
 * toWindows1252('Tagrende i zink'); // Uint8Array [0x54, …]
 */
export function toWindows1252(text: string): Uint8Array {
  const reverse = new Map(Object.entries(CP1252_HIGH).map(([byte, code]) => [code, Number(byte)]));
  return Uint8Array.from([...text], (char) => {
    const code = char.codePointAt(0)!;
    const byte = reverse.get(code) ?? (code <= 0xff && !(code >= 0x80 && code <= 0x9f) ? code : undefined);
    if (byte === undefined) throw new Error(`${char} has no Windows-1252 byte`);
    return byte;
  });
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length & ~1);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

/**
 * The text of a file and the encoding it was read in; null for bytes that are no text file
 * (NUL bytes outside UTF-16).
 *
 * @example
 * decodeText(new Uint8Array([0x50, 0xf8, 0x6c, 0x73, 0x65])); // { text: 'Pølse', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16le').decode(swapBytes(bytes.subarray(2))), encoding: 'utf-16be' };
  if (bytes.includes(0)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}
