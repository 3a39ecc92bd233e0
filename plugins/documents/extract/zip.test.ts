import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../testing/office.ts';
import { ExtractionError } from './types.ts';
import { guardZip, inflateEntry, unzipGuarded, zipEntries } from './zip.ts';

const limits = { name: 'x.docx', maxUnpackedBytes: 50 * 1024 * 1024 };

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractionError);
    return (error as ExtractionError).code;
  }
}

describe('zip guard', () => {
  it('lists and unpacks an ordinary zip, stored and deflated entries alike', () => {
    const bytes = zipSync({ 'a.xml': strToU8('<a>hej æøå</a>'), 'dir/b.txt': [strToU8('b'.repeat(5000)), { level: 0 }] });
    expect(zipEntries(bytes, 'x.zip').map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.xml', 17],
      ['dir/b.txt', 5000],
    ]);
    const files = unzipGuarded(bytes, limits);
    expect(new TextDecoder().decode(files.get('a.xml'))).toBe('<a>hej æøå</a>');
    expect(files.get('dir/b.txt')!.length).toBe(5000);
    expect([...unzipGuarded(bytes, limits, (n) => n.endsWith('.xml')).keys()]).toEqual(['a.xml']);
  });

  it('refuses by declared total, by ratio and by entry count without inflating', () => {
    const started = performance.now();
    expect(code(() => guardZip(zipBomb(), { ...limits, maxUnpackedBytes: 10 * 1024 ** 3 }))).toBe('zip_bomb'); // the ratio, though under the limit
    expect(code(() => guardZip(zipBomb({ megabytes: 4 }), { ...limits, maxUnpackedBytes: 1024 * 1024 }))).toBe('zip_bomb'); // the limit
    expect(performance.now() - started).toBeLessThan(2000);
    const many = zipSync(Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`f${i}`, new Uint8Array(0)])));
    expect(code(() => guardZip(many, limits))).toBe('zip_bomb');
  });

  it('stops inflating an entry that unpacks to more than it declares', () => {
    const liar = zipBomb({ declaredSize: 1000 });
    const [, doc] = guardZip(liar, limits);
    const before = process.memoryUsage().rss;
    expect(code(() => inflateEntry(liar, doc!, 'liar.docx'))).toBe('zip_bomb');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses what is not a zip, or is truncated, as corrupt', () => {
    const bytes = zipSync({ 'a.xml': strToU8('<a>'.repeat(1000)) });
    expect(code(() => zipEntries(new TextEncoder().encode('PK but not really a zip file at all'), 'x'))).toBe('corrupt');
    expect(code(() => zipEntries(bytes.subarray(0, bytes.length - 10), 'x'))).toBe('corrupt');
    // Cut inside the data but with the directory kept: the entry is cut off.
    const cut = new Uint8Array(bytes);
    const entry = zipEntries(cut, 'x')[0]!;
    cut.fill(0xff, entry.offset + 40, entry.offset + 60);
    expect(code(() => inflateEntry(cut, entry, 'x'))).toBe('corrupt');
  });
});
