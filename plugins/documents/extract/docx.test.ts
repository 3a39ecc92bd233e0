import { describe, expect, it } from 'vitest';
import { docxWithTable, zipBomb } from '../testing/office.ts';
import { extractDocx } from './docx.ts';
import { ExtractionError, type ExtractOptions } from './types.ts';
import { guardZip } from './zip.ts';
import { extractionFailure } from '../testing/failure.ts';

const options = (name = 'tilbud.docx'): ExtractOptions => ({ name, maxUnpackedBytes: 100 * 1024 * 1024, maxPages: 500, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 1000 } });

describe('extractDocx', () => {
  it('keeps a table as Markdown rows, the title and the paragraphs', async () => {
    const bytes = await docxWithTable({
      title: 'Tilbud på tagrenovering',
      paragraphs: ['Vi tilbyder at udskifte taget på Østergade 12.', 'Tilbuddet gælder i 30 dage.'],
      table: [['Vare', 'Antal', 'Pris'], ['Tagsten', '1200', '18,50 kr.'], ['Arbejdsløn', '40', '450 kr.']],
    });
    const result = await extractDocx(bytes, options());
    expect(result.title).toBe('Tilbud på tagrenovering');
    expect(result.sections).toHaveLength(1);
    const [section] = result.sections;
    expect(section).toMatchObject({ anchor: 'part=1', label: { da: 'del 1', en: 'part 1' }, format: 'markdown' });
    expect(section!.text).toContain('# Tilbud på tagrenovering');
    expect(section!.text).toContain('Vi tilbyder at udskifte taget på Østergade 12.');
    expect(section!.text).toContain('| Vare | Antal | Pris |');
    expect(section!.text).toContain('| Tagsten | 1200 | 18,50 kr. |');
    expect(section!.text).toContain('| Arbejdsløn | 40 | 450 kr. |');
  });

  it('splits a long document into parts at paragraph boundaries', async () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `Afsnit ${i + 1}: ${'tekst om taget og tilbuddet '.repeat(8)}`);
    const result = await extractDocx(await docxWithTable({ paragraphs }), options());
    expect(result.sections.length).toBeGreaterThanOrEqual(3);
    expect(result.sections.map((s) => s.anchor).slice(0, 2)).toEqual(['part=1', 'part=2']);
    expect(result.sections[1]!.label).toEqual({ da: 'del 2', en: 'part 2' });
    for (const s of result.sections) {
      expect(s.text.length).toBeLessThanOrEqual(20_000);
      expect(s.text).toMatch(/^Afsnit \d+:/);
    }
    expect(result.sections.at(-1)!.text).toContain('Afsnit 300:');
  });

  it('refuses a truncated DOCX as corrupt', async () => {
    const bytes = await docxWithTable({ paragraphs: ['Hej'] });
    expect((await extractionFailure(extractDocx(bytes.subarray(0, bytes.length / 2), options()))).code).toBe('corrupt');
    expect((await extractionFailure(extractDocx(new TextEncoder().encode('not a zip at all, just text'), options()))).code).toBe('corrupt');
  });

  it('refuses a password-protected (OLE) DOCX as encrypted', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1024);
    expect((await extractionFailure(extractDocx(ole, options()))).code).toBe('encrypted');
    // The same signature without the encrypted stream is an old .doc: unsupported, not "encrypted".
    ole.fill(0, 1024);
    expect((await extractionFailure(extractDocx(ole, options()))).code).toBe('unsupported');
  });

  it('refuses a zip bomb quickly, with little memory, by its declared size', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const error = await extractionFailure(extractDocx(bomb, options('bomb.docx')));
    expect(error.code).toBe('zip_bomb');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a zip bomb that lies about its size while inflating it', async () => {
    const liar = zipBomb({ declaredSize: 4096 });
    expect(() => guardZip(liar, options('liar.docx'))).not.toThrow();
    const started = performance.now();
    const error = await extractionFailure(extractDocx(liar, options('liar.docx')));
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toContain('more than the 4096 bytes it declares');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses by the limit a zip that is not absurd per entry but too big in total', async () => {
    const modest = zipBomb({ megabytes: 4 });
    expect((await extractionFailure(extractDocx(modest, { ...options(), maxUnpackedBytes: 1024 * 1024 }))).code).toBe('zip_bomb');
  });
});
