import { describe, expect, it } from 'vitest';
import { csvWindows1252 } from '../testing/text.ts';
import { detectDelimiter, extractCsv, parseCsv } from './csv.ts';
import { ExtractionError, type ExtractOptions } from './types.ts';

const options = (name = 'Priser 2024.csv'): ExtractOptions => ({ name, maxUnpackedBytes: 100 * 1024 * 1024, maxPages: 500, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 1000 } });

describe('extractCsv', () => {
  it('reads Windows-1252 with semicolons: æøå right, quoted fields with delimiters and line breaks', async () => {
    const bytes = csvWindows1252([
      ['Varenr', 'Beskrivelse', 'Pris', 'Bemærkning'],
      ['1001', 'Rødgran, høvlet', '12,50', 'Før "tilbud"'],
      ['1002', 'Ædelgran; blå', '€ 9,95', 'linje 1\nlinje 2'],
      ['1003', 'Åben kasse', '7', ''],
    ]);
    expect(bytes).toContain(0xf8); // ø as one byte: really Windows-1252, not UTF-8
    const result = await extractCsv(bytes, options());
    expect(result.meta).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 4, columns: 4 });
    expect(result.sections).toHaveLength(1);
    const [section] = result.sections;
    expect(section).toMatchObject({ anchor: 'sheet=Priser 2024', sheet: 'Priser 2024', label: { da: 'ark Priser 2024', en: 'sheet Priser 2024' }, format: 'markdown' });
    expect(section!.text.split('\n')).toEqual([
      '| Varenr | Beskrivelse | Pris | Bemærkning |',
      '| --- | --- | --- | --- |',
      '| 1001 | Rødgran, høvlet | 12,50 | Før "tilbud" |',
      '| 1002 | Ædelgran; blå | € 9,95 | linje 1 linje 2 |',
      '| 1003 | Åben kasse | 7 |  |',
    ]);
  });

  it('detects commas and tabs, and UTF-8 with a BOM', async () => {
    const comma = await extractCsv(new TextEncoder().encode('\uFEFFname,amount,note\nTag,"1,5",x\nRende,2,y\n'), options('export.csv'));
    expect(comma.meta).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(comma.sections[0]!.text).toContain('| Tag | 1,5 | x |');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n4\t5\t6')).toBe('\t');
    expect(detectDelimiter('navn;beløb\nTag;1,5\nRende;2,25\n')).toBe(';');
  });

  it('parses RFC 4180 quoting', () => {
    expect(parseCsv('a;"b;c"\r\n"x\ny";"say ""hi"""', ';')).toEqual([
      ['a', 'b;c'],
      ['x\ny', 'say "hi"'],
    ]);
  });

  it('refuses a file with no values as empty', async () => {
    const error = await extractCsv(new TextEncoder().encode(';;\n;;\n'), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).code).toBe('empty');
  });
});
