import { fileTypeFromStream } from 'file-type';
import type { DetectedType, DocumentType } from './extract/types.ts';
import { extensionOf } from './names.ts';

/** Why a file is refused at upload: its bytes are no document we read, or not what its name says. */
export type Refusal = { code: 'unsupported'; reason: string; detected: string | null } | { code: 'mismatch'; reason: string; detected: string };

const BINARY: Record<string, DetectedType> = {
  'application/pdf': { type: 'pdf', mime: 'application/pdf', ext: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { type: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { type: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  'image/png': { type: 'image', mime: 'image/png', ext: 'png' },
  'image/jpeg': { type: 'image', mime: 'image/jpeg', ext: 'jpg' },
  'image/tiff': { type: 'image', mime: 'image/tiff', ext: 'tif' },
  'image/webp': { type: 'image', mime: 'image/webp', ext: 'webp' },
  'image/bmp': { type: 'image', mime: 'image/bmp', ext: 'bmp' },
  'message/rfc822': { type: 'eml', mime: 'message/rfc822', ext: 'eml' },
};

const TEXT: Record<Exclude<DocumentType, 'pdf' | 'docx' | 'xlsx' | 'image'>, DetectedType> = {
  csv: { type: 'csv', mime: 'text/csv', ext: 'csv' },
  html: { type: 'html', mime: 'text/html', ext: 'html' },
  markdown: { type: 'markdown', mime: 'text/markdown', ext: 'md' },
  text: { type: 'text', mime: 'text/plain', ext: 'txt' },
  eml: { type: 'eml', mime: 'message/rfc822', ext: 'eml' },
  ubl: { type: 'ubl', mime: 'application/xml', ext: 'xml' },
};

/** Types a name's extension may stand for: a name that says otherwise than the bytes is refused. */
const EXPECTED: Record<string, DocumentType[]> = {
  pdf: ['pdf'], docx: ['docx'], xlsx: ['xlsx'], csv: ['csv', 'text'], tsv: ['csv', 'text'], txt: ['text', 'csv', 'markdown'], md: ['markdown', 'text'],
  markdown: ['markdown', 'text'], html: ['html'], htm: ['html'], eml: ['eml'], xml: ['ubl'], png: ['image'], jpg: ['image'], jpeg: ['image'],
  tif: ['image'], tiff: ['image'], webp: ['image'], bmp: ['image'],
};

const TEXTUAL = new Set(['application/xml', 'text/xml']);

/** What file-type calls some things we refuse, in words a user knows. */
const KNOWN_OTHER: Record<string, string> = {
  exe: 'a Windows program', elf: 'a Linux program', msi: 'a Windows installer', zip: 'a zip archive', rar: 'a RAR archive', '7z': 'a 7-Zip archive',
  doc: 'an old Word document (.doc); save it as .docx', xls: 'an old Excel workbook (.xls); save it as .xlsx', cfb: 'an old Office or password-protected Office file',
  gz: 'a gzip archive', mp4: 'a video', mp3: 'an audio file', svg: 'an SVG image', gif: 'a GIF image',
};

/**
 * Decides what a file is from its bytes (`file-type` for binary formats, our own sniffing for
 * text), never from its name or the client's Content-Type. The name is consulted only to refuse
 * a file whose extension says something else (a `.pdf` that is a program), and to tell Markdown
 * from plain text, which bytes alone can't.
 *
 * @example
 * const result = await detectType(blob.stream, 'Tilbud.pdf'); // { type: 'pdf', mime: 'application/pdf', ext: 'pdf' }
 */
export async function detectType(stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream, name: string, head: Uint8Array): Promise<DetectedType | Refusal> {
  const found = await fileTypeFromStream(stream as never).catch(() => undefined);
  let detected: DetectedType | undefined;
  // file-type knows XML only as XML: which XML (an e-invoice, or something we don't read) is ours to tell.
  if (found && !TEXTUAL.has(found.mime)) {
    detected = BINARY[found.mime];
    if (!detected) {
      const what = KNOWN_OTHER[found.ext] ?? `${/^[aeiou]/i.test(found.ext) ? 'an' : 'a'} ${found.ext.toUpperCase()} file (${found.mime})`;
      return { code: 'unsupported', reason: `The file is ${what}, not a document this CRM reads (PDF, Word, Excel, CSV, HTML, Markdown, text, email, e-invoice XML or a scanned image)`, detected: found.mime };
    }
  } else {
    detected = sniffText(head, name);
    if (!detected) {
      return { code: 'unsupported', reason: 'The file is not a document this CRM reads (PDF, Word, Excel, CSV, HTML, Markdown, text, email, e-invoice XML or a scanned image)', detected: null };
    }
  }
  const ext = extensionOf(name);
  const expected = EXPECTED[ext];
  if (expected && !expected.includes(detected.type)) {
    return { code: 'mismatch', reason: `The name says .${ext}, but the file is ${describe(detected)}`, detected: detected.mime };
  }
  return detected;
}

function describe(type: DetectedType): string {
  return { pdf: 'a PDF', docx: 'a Word document', xlsx: 'an Excel workbook', csv: 'CSV text', html: 'an HTML page', markdown: 'Markdown text', text: 'plain text', eml: 'an email', ubl: 'an e-invoice (XML)', image: 'an image' }[type.type];
}

/** A text format from the first bytes, or undefined for binary data. */
export function sniffText(head: Uint8Array, name: string): DetectedType | undefined {
  const text = headText(head);
  if (text === undefined) return undefined;
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (/^<\?xml[\s\S]{0,400}?<([\w-]+:)?(Invoice|CreditNote)\b/.test(start) || /^<([\w-]+:)?(Invoice|CreditNote)\b[^>]*urn:oasis:names:specification:ubl/i.test(start)) return TEXT.ubl;
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start) || (/^<!--/.test(start) && /<html[\s>]/i.test(start))) return TEXT.html;
  if (/^<\?xml|^<svg/i.test(start)) return undefined; // other XML (and SVG, which could run script) is no document we read
  if (looksLikeEmail(start)) return TEXT.eml;
  const ext = extensionOf(name);
  if (looksLikeCsv(start)) return ext === 'txt' ? TEXT.text : TEXT.csv;
  if (ext === 'md' || ext === 'markdown' || /^#{1,6} \S/m.test(start.slice(0, 2000))) return TEXT.markdown;
  return TEXT.text;
}

/** The head as text, when it is text: UTF-16 with a BOM, else bytes without NULs and few control characters. */
function headText(head: Uint8Array): string | undefined {
  if (head.length === 0) return undefined;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head);
  }
  // UTF-16 without a BOM: every other byte NUL in mostly-ASCII text (long enough to tell).
  const sample = head.subarray(0, 512);
  if (sample.length < 16 && sample.includes(0)) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  if (oddNul > sample.length / 4 && evenNul === 0) return new TextDecoder('utf-16le').decode(head);
  if (evenNul > sample.length / 4 && oddNul === 0) return new TextDecoder('utf-16be').decode(head);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return undefined;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  if (control > sample.length / 50) return undefined;
  return new TextDecoder('windows-1252').decode(head);
}

function looksLikeEmail(start: string): boolean {
  const lines = start.split(/\r?\n/, 40);
  const headerEnd = lines.findIndex((line) => line.trim() === '');
  const headers = (headerEnd === -1 ? lines : lines.slice(0, headerEnd)).filter((line) => /^[A-Za-z][\w-]*:/.test(line)).map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
  const known = new Set(['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path', 'content-type', 'delivered-to']);
  return headers.filter((h) => known.has(h)).length >= 3 && headers.includes('from');
}

function looksLikeCsv(start: string): boolean {
  const lines = start.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 20);
  if (lines.length < 2) return false;
  // A complete last line only: the head may cut the file mid-line.
  const complete = lines.length > 2 ? lines.slice(0, -1) : lines;
  return [';', ',', '\t'].some((delimiter) => {
    const counts = complete.map((line) => line.split(delimiter).length - 1);
    return counts[0]! >= 1 && counts.every((n) => n === counts[0]);
  });
}
