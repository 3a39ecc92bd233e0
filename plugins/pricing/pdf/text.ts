/**
 * Text the PDF's standard fonts can draw. Helvetica in pdf-lib is WinAnsi-encoded (Windows-1252),
 * which has every Danish letter (æøåÆØÅ), `€`, `²`, `³`, `½`, `–`, `—`, typographic quotes and
 * `…`; anything else is replaced by its nearest spelling there (`→` by `->`, `ł` by `l`, `ő` by
 * `o`, `ﬁ` by `fi`) or by `?`, so a customer's name with an emoji never stops a quote.
 */
import type { PDFFont } from 'pdf-lib';

/** Replacements for characters WinAnsi lacks, where the Unicode normalisations don't give one. */
const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '–', // figure dash
  '\u2015': '—', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2044': '/', // fraction slash (what NFKC gives for ⅓)
  '\u2215': '/', // division slash
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u201b': '‘',
  '\u201f': '“',
  '\u2039': '‹',
  '\u203a': '›',
  '\u2219': '·', // bullet operator
  '\u22c5': '·', // dot operator
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u223c': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2715': 'x',
  '\u2717': 'x',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u25e6': '•',
  '\u2023': '•',
  '\u2043': '-',
  '\u200b': '', // zero-width space
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u2007': ' ', // figure space
  '\u2008': ' ',
  '\u2009': ' ', // thin space
  '\u200a': ' ',
  '\u202f': ' ', // narrow no-break space (French and some Danish number formats)
  '\u2028': ' ',
  '\u2029': ' ',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
  ŋ: 'n',
  Ŋ: 'N',
};

/** What every character of `text` becomes: itself when WinAnsi has it, else a replacement. */
export interface Encodable {
  /** The code points the font can draw. */
  has(codePoint: number): boolean;
}

/** The character set of a pdf-lib standard font, as an {@link Encodable}. */
export function fontCharset(font: PDFFont): Encodable {
  return new Set(font.getCharacterSet());
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/**
 * `text` with every character the font can't draw replaced: tabs and line breaks become spaces
 * (a field on one line), other control characters go, and the rest is replaced per the module's
 * rules. Never throws.
 *
 * @example
 * winAnsi('Tagrende 12 m → 45 m², 1½ time', charset) // 'Tagrende 12 m -> 45 m², 1½ time'
 * winAnsi('Łódź 🙂', charset)                         // 'Lodz ?'
 */
export function winAnsi(text: string, charset: Encodable): string {
  const flat = String(text ?? '')
    .normalize('NFC')
    .replace(/\r\n?|\n|\t/g, ' ')
    // A soft hyphen is a hint where a word may break; WinAnsi has it, but viewers print it as a hyphen.
    .replace(/\u00ad/g, '')
    .replace(CONTROL, '');
  let out = '';
  for (const ch of flat) out += encodeChar(ch, charset, 0);
  return out;
}

function encodeChar(ch: string, charset: Encodable, depth: number): string {
  const cp = ch.codePointAt(0)!;
  if (charset.has(cp)) return ch;
  const replaced = REPLACEMENTS[ch];
  if (replaced !== undefined) return replaced;
  if (depth > 1) return '?';
  // Compatibility forms (ligatures, full-width letters, circled digits, ⅓) first, then letters with their accents removed.
  for (const form of [ch.normalize('NFKC'), ch.normalize('NFD').replace(/\p{M}+/gu, '')]) {
    if (form && form !== ch) {
      let out = '';
      for (const part of form) out += encodeChar(part, charset, depth + 1);
      if (out && !out.includes('?')) return out;
    }
  }
  // A combining mark alone (left after NFC found no precomposed letter) adds nothing legible.
  if (/\p{M}/u.test(ch)) return '';
  return '?';
}

/**
 * `text` broken into lines no wider than `width` at `size`, at spaces where it can and inside a
 * word only when the word alone is too wide. Line breaks in the text are kept; blank lines too.
 * Each line is already {@link winAnsi}-safe.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number, charset: Encodable): string[] {
  const lines: string[] = [];
  for (const paragraph of String(text ?? '').split(/\r\n?|\n/)) {
    const words = winAnsi(paragraph, charset).split(/ +/).filter(Boolean);
    if (!words.length) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // A word wider than the column (a URL, a long SKU) is cut where it must be.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** `text` cut to `width` with an ellipsis when it is wider (a footer is one line). */
export function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text.length;
  while (cut > 0 && font.widthOfTextAtSize(`${text.slice(0, cut).trimEnd()}…`, size) > width) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
