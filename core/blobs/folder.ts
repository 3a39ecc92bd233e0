import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CrmError } from '../errors/index.ts';
import type { BlobBackend } from './types.ts';

/**
 * Bytes as files under one folder (`DATA_DIR/blobs` by default): `location` is a relative path
 * of URL-encoded segments, so no key can name a file outside the folder.
 *
 * @example
 * const store = folderBackend('/srv/crm/.data/blobs');
 * await store.save('0190…/documents/0191…/tilbud.pdf', '/tmp/x.partial', 'application/pdf');
 */
export function folderBackend(root: string): BlobBackend {
  const resolve = (location: string) => {
    const full = path.resolve(root, location);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new CrmError('internal', 'A blob location left the blob folder');
    return full;
  };
  return {
    kind: 'folder',
    async save(location, tempFile) {
      const target = resolve(location);
      // A delete of the folder's last file removes the folder: one that empties it between the
      // mkdir and the rename makes the rename fail with ENOENT, and the next try makes it again.
      for (let attempt = 1; ; attempt++) {
        try {
          await fs.promises.mkdir(path.dirname(target), { recursive: true });
          // The temporary file is on the same disk (it is spooled into the folder), so this is a rename.
          await fs.promises.rename(tempFile, target);
          return;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // Keys are paths on disk: `report` and `report/page1` cannot both be there.
          if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOTEMPTY') {
            throw new CrmError('conflict', 'A blob key cannot be both a file and a folder of other keys (like "report" and "report/page1")');
          }
          if (code !== 'ENOENT' || attempt >= 3 || !fs.existsSync(tempFile)) throw error;
        }
      }
    },
    async open(location) {
      // A plain read stream (not a FileHandle's): it closes its descriptor when read to the end,
      // cancelled or destroyed.
      const stream = fs.createReadStream(resolve(location));
      try {
        await new Promise<void>((ready, fail) => stream.once('open', () => ready()).once('error', fail));
      } catch (error) {
        stream.destroy();
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    async remove(location) {
      const target = resolve(location);
      await fs.promises.rm(target, { force: true });
      // Empty folders left by the last file of a document go too (best effort, never above root).
      let dir = path.dirname(target);
      while (dir.startsWith(path.resolve(root) + path.sep)) {
        try {
          await fs.promises.rmdir(dir);
        } catch {
          break;
        }
        dir = path.dirname(dir);
      }
    },
  };
}

/**
 * A location for a blob: company, owner, then the key's segments, each URL-encoded (a segment
 * may be a file name as the user wrote it). `.` and `..` become `%2E` and `%2E%2E`, and an empty
 * segment (a key with `//`, or a slash at either end) becomes `%00`, which no key encodes to
 * otherwise (keys have no NUL): so no two keys share a location, not even after a path is
 * normalised (`x/y`, `x//y`, `/x/y` and `x/y/` are four files).
 *
 * @example
 * blobLocation('0190…', 'documents', '0191…/Tilbud 2026.pdf'); // '0190…/documents/0191…/Tilbud%202026.pdf'
 */
export function blobLocation(companyId: string, owner: string, key: string): string {
  return [companyId, owner, ...key.split('/')].map((segment) => (segment === '' ? '%00' : encodeURIComponent(segment).replace(/^\.+$/, (dots) => '%2E'.repeat(dots.length)))).join('/');
}
