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
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // The temporary file is on the same disk (it is spooled into the folder), so this is a rename.
      await fs.promises.rename(tempFile, target);
    },
    async open(location) {
      try {
        const handle = await fs.promises.open(resolve(location), 'r');
        return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
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
 * may be a file name as the user wrote it).
 *
 * @example
 * blobLocation('0190…', 'documents', '0191…/Tilbud 2026.pdf'); // '0190…/documents/0191…/Tilbud%202026.pdf'
 */
export function blobLocation(companyId: string, owner: string, key: string): string {
  return [companyId, owner, ...key.split('/')].map((segment) => encodeURIComponent(segment).replace(/^\.+$/, (dots) => '%2E'.repeat(dots.length))).join('/');
}
