import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { inspectArchive } from './archive.ts';
import { EMBEDDED_PG_VERSION } from './index.ts';

/** A one-file ustar archive, as a foreign tool would write it. */
function tarOf(name: string, body: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write(`${Buffer.byteLength(body).toString(8).padStart(11, '0')}\0`, 124);
  header.write('0', 156);
  header.write('ustar\u000000', 257);
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const data = Buffer.alloc(Math.ceil(Buffer.byteLength(body) / 512) * 512);
  data.write(body);
  return Buffer.concat([header, data, Buffer.alloc(1024)]);
}

describe('inspectArchive', () => {
  it('knows the PostgreSQL version PGlite embeds', async () => {
    const pg = new PGlite();
    const [row] = (await pg.query<{ v: string }>("select current_setting('server_version') as v")).rows;
    await pg.close();
    expect(row!.v.split('.')[0]).toBe(EMBEDDED_PG_VERSION);
  });

  it('reads a data folder archive and refuses what is not one, in one line each', () => {
    expect(inspectArchive(zlib.gzipSync(tarOf('./PG_VERSION', '18\n')), '18')).toEqual({ pgVersion: '18', files: 1, bytes: 3 });
    const refusals: [Uint8Array, RegExp][] = [
      [Buffer.from('name,email\nAna,ana@example.dk\n'), /not gzip-compressed/],
      [zlib.gzipSync(tarOf('./PG_VERSION', '18\n')).subarray(0, 40), /cut off or damaged/],
      [zlib.gzipSync(Buffer.from('just some text that is not a tar archive at all'.repeat(20))), /not a tar archive/],
      [zlib.gzipSync(tarOf('notes.txt', 'hello')), /no PG_VERSION/],
      [zlib.gzipSync(tarOf('PG_VERSION', '15\n')), /PostgreSQL 15 data folder; this CRM embeds PostgreSQL 18/],
      [zlib.gzipSync(tarOf('PG_VERSION', '18\n').subarray(0, 512 + 100)), /cut off/],
    ];
    for (const [bytes, message] of refusals) {
      expect(() => inspectArchive(bytes, '18')).toThrow(message);
      try {
        inspectArchive(bytes, '18');
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });
});
