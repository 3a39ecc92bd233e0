import zlib from 'node:zlib';
import { CrmError } from '../../errors/index.ts';

/** What a backup archive holds, as far as restoring needs to know before it touches anything. */
export interface ArchiveInfo {
  /** PostgreSQL major version that wrote the data folder (PG_VERSION). */
  pgVersion: string;
  /** Files in the archive. */
  files: number;
  /** Bytes once unpacked. */
  bytes: number;
}

/**
 * Reads a backup archive (a gzipped tar of a PGlite data folder, as `crm backup` writes it)
 * without unpacking it to disk, and says in one line what is wrong with it: not gzip, not a
 * tar, not a data folder, or one of another PostgreSQL version than `expectedPgVersion`.
 *
 * @example
 * const info = inspectArchive(fs.readFileSync('crm-backup.tar.gz'), '18'); // { pgVersion: '18', files: 1412, bytes: 41_943_040 }
 */
export function inspectArchive(archive: Uint8Array, expectedPgVersion: string): ArchiveInfo {
  if (archive[0] !== 0x1f || archive[1] !== 0x8b) throw notBackup('it is not gzip-compressed');
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(archive);
  } catch (error) {
    throw notBackup(`it is cut off or damaged (${(error as Error).message})`);
  }
  let pgVersion: string | undefined;
  let files = 0;
  let bytes = 0;
  for (const entry of tarEntries(tar)) {
    files += 1;
    bytes += entry.size;
    if (entry.name === 'PG_VERSION') pgVersion = entry.body.toString('utf8').trim();
  }
  if (files === 0) throw notBackup('it holds no files');
  if (!pgVersion) throw notBackup('it holds no PG_VERSION, so it is not a copy of a data folder');
  if (pgVersion !== expectedPgVersion) {
    throw new CrmError('bad_request', `The backup holds a PostgreSQL ${pgVersion} data folder; this CRM embeds PostgreSQL ${expectedPgVersion}. Restore it with the CRM version that made it, then move the data with pg_dump`);
  }
  return { pgVersion, files, bytes };
}

function notBackup(why: string): CrmError {
  return new CrmError('bad_request', `This file is not a CRM backup: ${why}`);
}

interface TarEntry {
  name: string;
  size: number;
  body: Buffer;
}

/**
 * The entries of an uncompressed tar (ustar and GNU, with pax or GNU long names), names
 * relative to the archive's root. A header whose checksum does not add up ends the walk
 * with an error: a truncated or foreign file must not pass as a short backup.
 */
function* tarEntries(tar: Buffer): Generator<TarEntry> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return; // the end-of-archive blocks
    if (!checksumHolds(header)) throw notBackup(`it is not a tar archive (bad header at byte ${offset})`);
    const size = parseInt(field(header, 124, 12) || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const bodyStart = offset + 512;
    if (bodyStart + size > tar.length) throw notBackup('it is cut off');
    const body = tar.subarray(bodyStart, bodyStart + size);
    offset = bodyStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    if (type === 'x') {
      longName = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? longName;
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if (type === '0' || type === '\0') yield { name: name.replace(/^(\.?\/)+/, ''), size, body };
  }
  throw notBackup('it is cut off');
}

function field(header: Buffer, start: number, length: number): string {
  return header.toString('utf8', start, start + length).replace(/\0.*$/s, '').trim();
}

/** The header checksum: the byte sum with the checksum field read as spaces. */
function checksumHolds(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum === parseInt(field(header, 148, 8), 8);
}
