import { inflateRawSync } from 'node:zlib';
import { ExtractionError } from './types.ts';

/** One file of a zip as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** More entries than any real DOCX or XLSX has (a big workbook has a few hundred). */
export const MAX_ZIP_ENTRIES = 10_000;
/** An entry this much bigger than its compressed form is a bomb once it is also large. */
const MAX_RATIO = 200;
const RATIO_FLOOR = 5 * 1024 * 1024;

/**
 * OLE compound files (CFB) start with these bytes: Office stores a password-protected DOCX or
 * XLSX as one, and the old binary .doc/.xls formats too.
 */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Refuses an Office file that is not a zip but an OLE compound file: `encrypted` when it holds
 * the `EncryptedPackage` stream of a password-protected DOCX/XLSX, `unsupported` for the old
 * binary formats (Word 97–2003 .doc, Excel .xls) that carry the same signature.
 *
 * @example
 * refuseCompoundFile(bytes, 'tilbud.docx'); // throws ExtractionError('encrypted', …) for a protected file
 */
export function refuseCompoundFile(bytes: Uint8Array, name: string): void {
  if (!CFB_MAGIC.every((b, i) => bytes[i] === b)) return;
  // Directory entries name their streams in UTF-16LE.
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)) {
    throw new ExtractionError('encrypted', `${name} is password-protected; save it without a password and upload it again`);
  }
  throw new ExtractionError('unsupported', `${name} is in the old binary Office format (.doc/.xls); save it as .docx/.xlsx and upload it again`);
}

function corrupt(name: string, why: string): ExtractionError {
  return new ExtractionError('corrupt', `${name} is not a readable zip file (${why})`);
}

/** The end-of-central-directory record, searched from the end (a comment may follow it). */
function findEnd(view: DataView): number {
  const last = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= last; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/**
 * The entries of a zip from its central directory, without inflating anything (Zip64 included).
 * Refuses what is not a zip, or a broken one, as `corrupt`.
 *
 * @example
 * zipEntries(bytes, 'tilbud.docx').map((e) => e.name); // ['[Content_Types].xml', 'word/document.xml', …]
 */
export function zipEntries(bytes: Uint8Array, name: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw corrupt(name, 'too short');
  const end = findEnd(view);
  if (end < 0) throw corrupt(name, 'no central directory; the file may be truncated');
  let count = view.getUint16(end + 10, true);
  let cdSize = view.getUint32(end + 12, true);
  let cdOffset = view.getUint32(end + 16, true);
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const z64 = Number(view.getBigUint64(end - 12, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== 0x06064b50) throw corrupt(name, 'broken Zip64 record');
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (count > MAX_ZIP_ENTRIES) throw new ExtractionError('zip_bomb', `${name} has ${count} entries, more than the ${MAX_ZIP_ENTRIES} allowed`);
  if (cdOffset + cdSize > bytes.length) throw corrupt(name, 'central directory outside the file; the file may be truncated');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw corrupt(name, 'broken central directory');
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let offset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength + extraLength > bytes.length) throw corrupt(name, 'broken central directory');
    const entryName = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 sizes live in extra field 0x0001, in this order, for the fields set to 0xFFFFFFFF.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        const next = () => {
          const v = p + 8 <= x + 4 + size ? Number(view.getBigUint64(p, true)) : 0;
          p += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (offset === 0xffffffff) offset = next();
      }
      x += 4 + size;
    }
    entries.push({ name: entryName, method, compressedSize, uncompressedSize, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Reads a zip's central directory and refuses it as `zip_bomb` when its entries would unpack
 * to more than `maxUnpackedBytes`, when one entry is absurdly compressed (over 200:1 and over
 * a few MB; real Office XML stays well below) or when there are too many entries. Nothing is
 * inflated: this costs microseconds even for a bomb.
 *
 * @example
 * const entries = guardZip(bytes, { name: 'tilbud.docx', maxUnpackedBytes: 200 * 1024 * 1024 });
 */
export function guardZip(bytes: Uint8Array, options: { name: string; maxUnpackedBytes: number }): ZipEntry[] {
  const entries = zipEntries(bytes, options.name);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > RATIO_FLOOR && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
      throw new ExtractionError('zip_bomb', `${options.name}: ${entry.name} would unpack ${entry.compressedSize} bytes to ${entry.uncompressedSize} (a zip bomb)`);
    }
  }
  if (total > options.maxUnpackedBytes) {
    throw new ExtractionError('zip_bomb', `${options.name} would unpack to ${total} bytes, more than the ${options.maxUnpackedBytes} allowed`);
  }
  return entries;
}

/**
 * Inflates one entry, never to more than it declared: a zip whose sizes lie is stopped as soon
 * as the output passes the declared size, so the guard's sum holds for what is really unpacked.
 *
 * @example
 * const xml = new TextDecoder().decode(inflateEntry(bytes, entry, 'tilbud.docx'));
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, name: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw corrupt(name, `broken entry ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw corrupt(name, `entry ${entry.name} is cut off; the file may be truncated`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(name, `stored entry ${entry.name} has two sizes`);
    return data;
  }
  if (entry.method !== 8) throw new ExtractionError('unsupported', `${name}: ${entry.name} uses zip compression method ${entry.method}`);
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (out.length !== entry.uncompressedSize) throw corrupt(name, `entry ${entry.name} is not the size it declares`);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ExtractionError('zip_bomb', `${name}: ${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes it declares`, { cause: error });
    }
    throw new ExtractionError('corrupt', `${name}: ${entry.name} cannot be unpacked (${(error as Error).message})`, { cause: error });
  }
}

/**
 * The guard and the unpacking together: the entries whose names `want` accepts, inflated under
 * the limits (all of them when `want` is left out, which proves the whole file is safe to hand
 * to a library that unpacks it again).
 *
 * @example
 * const files = unzipGuarded(bytes, options, (n) => n.startsWith('xl/')); // Map name → bytes
 */
export function unzipGuarded(bytes: Uint8Array, options: { name: string; maxUnpackedBytes: number }, want: (name: string) => boolean = () => true): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of guardZip(bytes, options)) {
    if (entry.name.endsWith('/') || !want(entry.name)) continue;
    files.set(entry.name, inflateEntry(bytes, entry, options.name));
  }
  return files;
}
